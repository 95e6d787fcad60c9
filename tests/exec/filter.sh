#!/bin/sh
# filter: program: marks every title of the feed on stdin with a prefix
# given as the first argument.
sed "s|<title>|<title>$1 |g"
