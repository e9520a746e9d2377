# bench_parser: UAS/LAS of the parser on UD EWT test (gold and predicted
# tags), parser and tagger+parser speed, peak memory.
if(TARGET sr_nlp)
  add_executable(bench_parser ${CMAKE_CURRENT_LIST_DIR}/bench_parser.c)
  target_include_directories(bench_parser PRIVATE ${CMAKE_SOURCE_DIR}/include ${CMAKE_SOURCE_DIR}/src)
  target_compile_definitions(bench_parser PRIVATE SR_DATA_DIR="${SR_DATA_DIR}"
    SR_SHARED_DIR="${SR_SHARED_DIR}")
  target_link_libraries(bench_parser PRIVATE sr_nlp)
endif()
