#!/bin/sh
# exec: source for tests/e2e/feeds_settings.sh: an RSS feed on stdout
# whose channel title is the first argument.
cat <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>$1</title>
<item><title>مجلس الأمن يعقد جلسة طارئة بشأن السودان</title>
<guid>exec-1</guid><pubDate>Tue, 07 May 2024 09:00:00 GMT</pubDate></item>
<item><title>هيئة الأرصاد تتوقع أمطاراً غزيرة على السواحل</title>
<guid>exec-2</guid><pubDate>Tue, 07 May 2024 10:00:00 GMT</pubDate></item>
</channel></rss>
XML
