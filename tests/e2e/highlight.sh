#!/bin/sh
# highlight.sh - `--dump --color always --highlight` paints exactly the
# visual cells of the matched letters: RTL, LTR and mixed lines, across a
# wrap, beside lam-alef ligatures, with harakat. The texts and their
# expected matches (⟦...⟧, logical order) are in tests/in/highlight/;
# tests/highlight_cells.py does the comparison.
. "$TOP/tests/lib.sh"
IN=$TOP/tests/in/highlight

# hl NAME WIDTH KEYWORD...: tests/in/highlight/NAME.txt against NAME.want
hl() {
	name=$1 w=$2
	shift 2
	python3 "$TOP/tests/highlight_cells.py" "$AKHBAR" "$name/$w" "$w" \
	    "$IN/$name.txt" "$IN/$name.want" "$@" ||
	    notok "$name/$w: highlight_cells.py failed"
}

hl ar-idlib 20 'إدلب'
hl ar-idlib 40 'إدلب'
hl ar-harakat 30 'الرئيس' 'تركي'
hl ar-harakat 12 'الرئيس' 'تركي'
hl ar-lamalef 30 'أمريكا' 'سل'
hl ar-lamalef 10 'أمريكا' 'سل'
hl ar-wrap 16 'بشار الأسد'
hl ar-wrap 40 'بشار الأسد'
hl en 30 'Reuter' '=RT' 'new york'
hl en 23 'Reuter' '=RT' 'new york'
hl mixed 20 'Reuters' 'تركي' '2024'
hl mixed 40 'Reuters' 'تركي' '2024'
hl mixed-ltr 24 'تركي' 'idlib'
hl mixed-ltr 60 'تركي' 'idlib'
hl none 30 'سلام' 'كتاب'

# A bad regex is a usage error that names the problem.
"$AKHBAR" --dump --highlight '/(x/' "$IN/en.txt" >"$TMP/hl.out" \
    2>"$TMP/hl.err"
check "bad regex exits 2 or 1" test $? -ne 0
check "bad regex message" grep -q "bad --highlight '/(x/'" "$TMP/hl.err"
