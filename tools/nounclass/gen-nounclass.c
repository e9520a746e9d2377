/*
** gen-nounclass.c: compile WordNet's noun classes into the table the coder
** maps (docs/nounclass-format.md).  Run by the build:
**
**     gen-nounclass /usr/share/wordnet build/data/nounclass.bin
*/
#include <stdio.h>

#include "dict/nounclass.h"

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: gen-nounclass WORDNET_DIR OUT\n");
        return 2;
    }
    sr_error err = {0};
    long n = sr_nounclass_compile(argv[1], argv[2], &err);
    if (n < 0) {
        fprintf(stderr, "gen-nounclass: %s\n", err.msg);
        return 1;
    }
    return 0;
}
