#!/bin/sh
# gen-man.sh SITREP: write the man page sitrep(1) on standard output,
# generated from the --help texts of the built SITREP binary, so that the
# page never drifts from the options.
set -eu
bin=$1
version=$("$bin" --version | sed 's/^sitrep //')
# Escape what troff would read as requests or escapes.
esc() { sed -e 's/\\/\\e/g' -e 's/^\([.'"'"']\)/\\\&\1/'; }
cat <<HEAD
.TH SITREP 1 "" "sitrep $version" "User Commands"
.SH NAME
sitrep \\- code news articles into CAMEO/PLOVER event data
.SH SYNOPSIS
.B sitrep
.I COMMAND
[\\fIOPTIONS\\fR] [\\fIFILE\\fR...]
.SH DESCRIPTION
.nf
HEAD
"$bin" --help | esc
for cmd in code segment parse kb export serve; do
    echo ".fi"
    echo ".SH \"SITREP $(echo $cmd | tr a-z A-Z)\""
    echo ".nf"
    "$bin" $cmd --help | esc
done
cat <<TAIL
.fi
.SH ENVIRONMENT
.TP
.B SITREP_DATA
the data directory (models, knowledge base, lexicon) when --data is not given
.TP
.B SITREP_KB_CACHE, XDG_CACHE_HOME
where the compiled knowledge base is cached
.SH SEE ALSO
The README of the sitrep sources, and the header sitrep.h of libsitrep.
TAIL
