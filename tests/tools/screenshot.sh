#!/bin/sh
# Regenerate doc/screenshot.png from a REAL capture of the akhbar TUI:
# a throw-away store with an Arabic and an English feed (local RSS files),
# akhbar in a private tmux server at 120x34 (TERM=xterm-256color,
# LANG=C.UTF-8, --theme dark), Enter on the Arabic feed so that the list
# pane shows its titles and the reader pane its first article, then
# `tmux capture-pane -p -e` rendered cell by cell by screenshot.py.
#
# usage: tests/tools/screenshot.sh [OUT.png]   (default doc/screenshot.png)
# env:   SHOT=/tmp/akhbar-shot (scratch dir, recreated), THEME=dark
#
# Needs tmux, ncurses-bin (tic, infocmp), python3-pil, python3-fonttools
# and fonts-dejavu-core (fonts-noto-core is only a fallback).
set -eu

TOP=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-$TOP/doc/screenshot.png}
SHOT=${SHOT:-/tmp/akhbar-shot}
THEME=${THEME:-dark}
PY=/usr/bin/python3     # Debian's, which has python3-pil
AKHBAR=$TOP/akhbar
COLS=120
ROWS=34

for t in tmux tic infocmp $PY; do
	command -v "$t" >/dev/null 2>&1 ||
	    { echo "screenshot.sh: $t is missing" >&2; exit 1; }
done
$PY -c 'import PIL, fontTools' 2>/dev/null || {
	echo "screenshot.sh: apt-get install python3-pil python3-fonttools" >&2
	exit 1
}
[ -x "$AKHBAR" ] || make -C "$TOP"

rm -rf "$SHOT"
mkdir -p "$SHOT/home" "$SHOT/config" "$SHOT/data" "$SHOT/terminfo"

# ---- the feeds ----
cat > "$SHOT/ar.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>الجزيرة نت</title>
    <link>https://www.example-news.net/</link>
    <description>آخر الأخبار</description>
    <language>ar</language>
    <item>
      <title>قمة COP28 في دبي تختتم أعمالها باتفاق تاريخي حول الوقود الأحفوري</title>
      <link>https://www.example-news.net/climate/2023/12/13/cop28</link>
      <guid>https://www.example-news.net/climate/2023/12/13/cop28</guid>
      <pubDate>Wed, 13 Dec 2023 15:20:00 +0400</pubDate>
      <content:encoded><![CDATA[<p>اختتمت قمة الأمم المتحدة للمناخ <b>COP28</b> أعمالها في مدينة دبي يوم الأربعاء 13 ديسمبر 2023، بعد مفاوضات استمرت أكثر من أسبوعين بمشاركة نحو 200 دولة.</p>
<p>ودعا الاتفاق النهائي، الذي وُصف بأنه «تاريخي»، إلى «التحوّل بعيدًا عن الوقود الأحفوري في أنظمة الطاقة» بطريقة عادلة ومنظمة، للوصول إلى الحياد الكربوني بحلول عام 2050.</p>
<p>وقال رئيس القمة سلطان الجابر في الجلسة الختامية: «لقد قدّمنا خطة عمل قوية للحفاظ على هدف 1.5 درجة مئوية في متناول اليد».</p>
<p>كما تعهدت الدول بمضاعفة قدرات الطاقة المتجددة ثلاث مرات بحلول عام 2030، وأُطلق صندوق «الخسائر والأضرار» بتعهدات أولية تجاوزت 700 مليون دولار.</p>
<h2>ردود الفعل</h2>
<p>في المقابل، انتقدت دول جزرية صغيرة ومنظمات بيئية الاتفاق، معتبرةً أنه «لا يذهب بعيداً بما يكفي» لحماية الدول الأكثر عرضة لارتفاع منسوب مياه البحر.</p>
<p>وشهدت القمة، التي استضافتها مدينة إكسبو دبي من 30 نوفمبر حتى 13 ديسمبر، مشاركة أكثر من 85 ألف شخص بين رؤساء دول ووفود رسمية وممثلين عن منظمات المجتمع المدني.</p>
<p>ومن المقرر أن تُعقد الدورة المقبلة <b>COP29</b> في مدينة باكو عاصمة أذربيجان في نوفمبر 2024.</p>]]></content:encoded>
    </item>
    <item>
      <title>أسعار النفط: خام برنت يتراجع إلى 73.2 دولاراً للبرميل</title>
      <link>https://www.example-news.net/ebusiness/2023/12/12/oil</link>
      <guid>https://www.example-news.net/ebusiness/2023/12/12/oil</guid>
      <pubDate>Tue, 12 Dec 2023 09:05:00 +0300</pubDate>
      <content:encoded><![CDATA[<p>تراجعت أسعار النفط صباح الثلاثاء، وسجل خام برنت 73.2 دولاراً للبرميل، بانخفاض 0.8% عن إغلاق الأمس.</p>
<p>ويترقب المستثمرون قرار مجلس الاحتياطي الفدرالي الأمريكي بشأن أسعار الفائدة.</p>]]></content:encoded>
    </item>
    <item>
      <title>شركة OpenAI تكشف عن نموذج GPT-4 Turbo بسياق 128 ألف رمز</title>
      <link>https://www.example-news.net/tech/2023/11/6/openai</link>
      <guid>https://www.example-news.net/tech/2023/11/6/openai</guid>
      <pubDate>Mon, 06 Nov 2023 21:10:00 +0300</pubDate>
      <content:encoded><![CDATA[<p>أعلنت شركة OpenAI في مؤتمرها الأول للمطورين عن نموذج GPT-4 Turbo الذي يستوعب سياقاً يصل إلى 128 ألف رمز.</p>
<p>وقالت الشركة إن النموذج الجديد أرخص بثلاث مرات من سابقه.</p>]]></content:encoded>
    </item>
    <item>
      <title>معرض الرياض الدولي للكتاب يستقبل أكثر من مليون زائر في 10 أيام</title>
      <link>https://www.example-news.net/culture/2023/12/10/book-fair</link>
      <guid>https://www.example-news.net/culture/2023/12/10/book-fair</guid>
      <pubDate>Sun, 10 Dec 2023 18:45:00 +0300</pubDate>
      <content:encoded><![CDATA[<p>أسدل معرض الرياض الدولي للكتاب الستار على دورته الجديدة بعد أن استقبل أكثر من مليون زائر خلال 10 أيام، بمشاركة 1800 دار نشر من 32 دولة.</p>]]></content:encoded>
    </item>
    <item>
      <title>الأرصاد: أمطار غزيرة متوقعة على 5 مناطق خلال الـ 48 ساعة المقبلة</title>
      <link>https://www.example-news.net/news/2023/12/9/weather</link>
      <guid>https://www.example-news.net/news/2023/12/9/weather</guid>
      <pubDate>Sat, 09 Dec 2023 11:30:00 +0100</pubDate>
      <content:encoded><![CDATA[<p>حذّر المركز الوطني للأرصاد من أمطار غزيرة ورياح نشطة على 5 مناطق خلال الـ 48 ساعة المقبلة، ودعا السكان إلى توخي الحذر.</p>]]></content:encoded>
    </item>
  </channel>
</rss>
EOF
cat > "$SHOT/en.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>World Desk</title>
    <link>https://www.example-world.org/</link>
    <description>World news</description>
    <language>en</language>
    <item>
      <title>COP28 ends with first call to transition away from fossil fuels</title>
      <link>https://www.example-world.org/2023/12/13/cop28-deal</link>
      <guid>https://www.example-world.org/2023/12/13/cop28-deal</guid>
      <pubDate>Wed, 13 Dec 2023 12:00:00 GMT</pubDate>
      <description>Nearly 200 countries agreed in Dubai on a deal that for the first time names fossil fuels.</description>
    </item>
    <item>
      <title>Central banks hold rates steady as inflation cools</title>
      <link>https://www.example-world.org/2023/12/12/rates</link>
      <guid>https://www.example-world.org/2023/12/12/rates</guid>
      <pubDate>Tue, 12 Dec 2023 16:30:00 GMT</pubDate>
      <description>Policy makers signalled that cuts could come in 2024.</description>
    </item>
    <item>
      <title>Riyadh book fair draws record crowds</title>
      <link>https://www.example-world.org/2023/12/10/book-fair</link>
      <guid>https://www.example-world.org/2023/12/10/book-fair</guid>
      <pubDate>Sun, 10 Dec 2023 19:00:00 GMT</pubDate>
      <description>More than one million visitors attended over ten days.</description>
    </item>
  </channel>
</rss>
EOF
printf '%s "~الجزيرة"\n%s "~World Desk"\n' "$SHOT/ar.xml" "$SHOT/en.xml" \
    > "$SHOT/urls"

ENVS="HOME=$SHOT/home XDG_CONFIG_HOME=$SHOT/config XDG_DATA_HOME=$SHOT/data"
ENVS="$ENVS LANG=C.UTF-8 LC_ALL="
ST="-u $SHOT/urls -c $SHOT/cache.db"
env $ENVS "$AKHBAR" $ST --refresh

# tmux's capture-pane leaves out cells that were only erased (EL/ECH
# with a background colour), so the panes' background would be lost
# wherever a line was cleared rather than written. An xterm-256color
# terminfo without bce and ech makes ncurses write those blanks out; the
# screen is the same, only the way it is painted differs.
infocmp -x xterm-256color |
    sed -e 's/\bbce,//' -e 's/ech=\\E\[%p1%dX,//' > "$SHOT/xterm-nobce.src"
tic -x -o "$SHOT/terminfo" "$SHOT/xterm-nobce.src"

printf 'set -g status off\n' > "$SHOT/tmux.conf"
TM="tmux -S $SHOT/tmux.sock -f $SHOT/tmux.conf"
trap '$TM kill-server 2>/dev/null || :' EXIT INT TERM
$TM new-session -d -x $COLS -y $ROWS "env $ENVS TERMINFO=$SHOT/terminfo \
    TERM=xterm-256color $AKHBAR -o --theme $THEME $ST; sleep 60"

# wait_for TEXT: poll the screen until TEXT shows (10 s at most).
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		$TM capture-pane -p | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "screenshot.sh: '$1' never showed; the screen:" >&2
	$TM capture-pane -p >&2
	exit 1
}

wait_for "All articles"
$TM send-keys G          # the last feed: الجزيرة (Arabic after Latin)
sleep 0.3
$TM send-keys Enter      # its articles; the first (COP28) is shown
wait_for "Link: https://www.example-news.net/climate"
sleep 2                  # past mark-read-delay: the screen settles
$TM capture-pane -p -e -N > "$SHOT/capture.txt"
$TM send-keys Q          # quit akhbar before the server goes
sleep 0.3

$PY "$TOP/tests/tools/screenshot.py" --cols $COLS --rows $ROWS \
    "$SHOT/capture.txt" "$OUT"
echo "screenshot.sh: wrote $OUT (capture: $SHOT/capture.txt)"
