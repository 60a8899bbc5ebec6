#!/usr/bin/env bash
# Every text marked for translation (tr, trf, trn) in the sources has a Russian translation, and the
# Russian catalog is well-formed: a missing one fails here rather than showing English to a salon.
set -euo pipefail
root=${1:?project root}
work=${2:?scratch folder}/translations
mkdir -p "$work"
cd "$root"
find db pos training reports -name '*.cpp' -o -name '*.hpp' | sort > "$work/files"
xgettext --from-code=UTF-8 --language=C++ --keyword= --keyword=tr:1 --keyword=trf:1 --keyword=trn:1,2 \
  --files-from="$work/files" --output="$work/salon.pot" --no-location
msgcat --use-first -o "$work/ru.po" assets/locale/ru/*.po
msgfmt --check -o /dev/null "$work/ru.po"
msgmerge --force-po --quiet --no-fuzzy-matching -o "$work/merged.po" "$work/ru.po" "$work/salon.pot"
msgattrib --force-po --untranslated --no-obsolete -o "$work/missing.po" "$work/merged.po"
# More than the header's msgid "" means a message is missing (a long one starts with msgid "" too).
if [ -s "$work/missing.po" ] && [ "$(grep -c '^msgid ' "$work/missing.po")" -gt 1 ]; then
  echo "texts without a Russian translation (add them to assets/locale/ru/*.po):"
  grep -A1 '^msgid ' "$work/missing.po" | grep -v '^--$' | grep -v '^msgid ""$' | head -120
  exit 1
fi
# Duplicates across the .po files with different translations would be merged silently by --use-first.
# (The files' headers differ by their comments and dates; only messages count.)
conflicts=$(msgcat --more-than=1 assets/locale/ru/*.po 2>/dev/null |
  awk 'BEGIN { RS = "" } /#-#-#-#-#/ && !/Project-Id-Version/ { print; print "" }')
if [ -n "$conflicts" ]; then
  echo "a message is translated differently in two .po files:"
  echo "$conflicts" | head -40
  exit 1
fi
count=$(grep -c '^msgid ' "$work/salon.pot")
echo "all $((count - 1)) marked texts have a Russian translation"
