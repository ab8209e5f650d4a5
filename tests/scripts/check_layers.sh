#!/bin/sh
# The core's dependencies run one way (DESIGN.md, "One concept, one stem, four places"): each
# source of a concept includes only the public headers its own header reaches, and each helper
# has one definition. Usage: check_layers.sh <source dir>. Fails listing every offence.
set -u
root=$1
inc=$root/include/plaint
src=$root/src
status=0

# The public headers a header includes, directly.
direct() {
    sed -n 's/^#include "plaint\/\([a-z_]*\)\.hpp".*/\1/p' "$inc/$1.hpp" 2>/dev/null
}
# The header itself and every public header it reaches.
reach() {
    seen=" $1 "
    todo=$1
    while [ -n "$todo" ]; do
        next=
        for h in $todo; do
            for d in $(direct "$h"); do
                case $seen in *" $d "*) ;; *) seen="$seen$d "; next="$next $d" ;; esac
            done
        done
        todo=$next
    done
    echo "$seen"
}

# The concept of each source in src/: its stem, or the concept it serves.
concept_of() {
    case $1 in
    ahp | satisfaction_detail | satisfaction_drivers) echo satisfaction ;;
    aggregate_json) echo aggregate ;;
    clock_engine) echo sla ;;
    complaint_detail | complaint_json) echo complaint ;;
    enums_detail) echo enums ;;
    error_detail) echo error ;;
    fold | keywords | rules_compile | rules_detail | rules_eval | rules_impl | rules_json) echo rules ;;
    ledger_impl | ledger_import | ledger_json | ledger_queries | ledger_reevaluation | ledger_state) echo ledger ;;
    profile_detail) echo profile ;;
    report_detail | report_formats | report_render | report_surveys) echo report ;;
    survey_read) echo survey ;;
    zone) echo calendar ;;
    bits | csv | file_input | json_parse | json_read | json_util | json_write | utf8) echo time ;; # below every concept
    *) # a file named concept_part serves its concept
       base=${1%%_*}
       if [ -f "$inc/$base.hpp" ]; then echo "$base"; else echo "$1"; fi ;;
    esac
}

for f in "$src"/*.cpp "$src"/*.hpp; do
    name=$(basename "$f")
    stem=${name%.*}
    concept=$(concept_of "$stem")
    if [ ! -f "$inc/$concept.hpp" ]; then
        echo "src/$name: no concept (add it to concept_of in $0)"
        status=1
        continue
    fi
    allowed="$(reach "$concept") config version error enums time "
    for h in $(sed -n 's/^#include "plaint\/\([a-z_]*\)\.hpp".*/\1/p' "$f"); do
        case $allowed in
        *" $h "*) ;;
        *)
            echo "src/$name ($concept) includes plaint/$h.hpp, above it"
            status=1
            ;;
        esac
    done
done

# One definition of each shared helper (a line that opens its body), in the room of its concept.
for helper in 'check_size(std::string_view' 'check_enum(E' 'seriousness(Nature' 'quote(std::string_view' \
    'hours_between(Instant' 'check_utf8(std::string_view'; do
    where=$(grep -l "^[a-z].* $helper.*{$" "$src"/*.cpp "$src"/*.hpp | sed "s|^$src/||" | tr '\n' ' ')
    if [ "$(echo "$where" | wc -w)" -ne 1 ]; then
        echo "$helper... is defined in: $where"
        status=1
    fi
done
# One CSV reader.
where=$(grep -lE 'class [A-Za-z]*Csv[A-Za-z]*Reader|read_csv\(std::string_view' "$src"/*.cpp "$src"/*.hpp |
    sed "s|^$src/||" | tr '\n' ' ')
if [ "$(echo "$where" | wc -w)" -ne 1 ]; then
    echo "CSV readers in: $where"
    status=1
fi
exit $status
