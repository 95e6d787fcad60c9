#!/bin/sh
# exec: source whose output exceeds any reasonable max-feed-size.
printf '<rss version="2.0"><channel><title>big</title><description>'
head -c 3000000 /dev/zero | tr '\0' 'x'
printf '</description></channel></rss>\n'
