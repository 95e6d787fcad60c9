#!/bin/sh
# exec: source that fails: the first stderr line is the feed's error.
echo 'انتهت صلاحية المفتاح: token expired' >&2
echo 'second line, not shown' >&2
exit 3
