/// @file aggregate.hpp
/// Grouped satisfaction scores (DOMAIN.md §6, issue 5 "Aggregation"): survey responses given as
/// columns — up to three integer key columns (building, month, category or team…) and one
/// column of answers per question, each on its own scale — are grouped by their key tuple in
/// one pass, and every group gets, per question, its mean with a t interval, its satisfaction
/// rate (CSAT) with a Wilson interval, its NPS for 0–10 questions and its count of missing
/// answers, plus any number of weighted indices over chosen questions with their t intervals.
/// The columns are read in place, never copied; the statistics themselves come from
/// `satisfaction.hpp` (`mean_of_counts`, `csat_of_counts`, `nps_of_counts`), fed with each
/// group's counts per level.
#pragma once

#include "plaint/config.hpp"
#include "plaint/satisfaction.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

PLAINT_BEGIN_NAMESPACE

namespace satisfaction {

/// The answer code of a missing answer (a question skipped or not asked) in a score column. It is
/// counted as missing, never as a score. Since 0.4.
inline constexpr std::int8_t missing = -1;

/// The most key columns `group` accepts. Since 0.4.
inline constexpr std::size_t max_keys = 3;

/// A column of group keys: `size` values of `int32_t`, borrowed (the caller keeps them alive for
/// the call). Any value is a valid key. Since 0.4.
struct KeyColumn {
    std::string name;                   ///< for the result and error messages ("building")
    const std::int32_t* data = nullptr; ///< may be NULL only when size = 0
    std::size_t size = 0;               ///< rows
};

/// A column of answers to one question and the statistics asked of it. Since 0.4.
struct ScoreColumn {
    std::string name;                  ///< for the result and error messages ("overall")
    const std::int8_t* data = nullptr; ///< answers, borrowed; NULL only when size = 0
    std::size_t size = 0;              ///< rows
    /// The answer scale: 1..5 for the return-visit dimensions, 0..10 for "would you recommend",
    /// 1..7 (or 1..5) for CES, 1..10 for ACSI items. It must lie within 0..127 with
    /// lowest < highest (0..63 when `satisfied` is set). Each answer is a level of the scale or
    /// `missing`; anything else is an error.
    Scale scale = {};
    /// The levels counted as satisfied for CSAT, bit k for level k (see `levels`, e.g.
    /// `default_satisfied` = {4, 5}); 0 asks for no CSAT.
    std::uint64_t satisfied = 0;
    bool nps = false; ///< compute the NPS (the scale must be 0..10)
};

/// The units of a weighted index. Values never change (they cross the C ABI). Since 0.4.
enum class IndexUnits : std::int32_t {
    /// Each answer rescaled to 0..100 as (x − lowest)/(highest − lowest)·100 before weighting
    /// (the weighted satisfaction index); any mix of scales.
    percent = 0,
    /// Raw answers weighted, in the questions' common scale units (pandas' "composite" of the
    /// peer benchmark); every question of the index must have the same scale.
    scale = 1,
};

/// A weighted index over some of the score columns: each respondent's index is
/// Σ wⱼ·xⱼ / Σ wⱼ over the index's questions (rescaled per `units`), defined for the rows where
/// every one of those questions is answered; a group's index is the mean of its respondents'
/// indices, with their sample sd and a t interval. Since 0.4.
struct IndexSpec {
    std::string name;                 ///< for the result ("satisfaction_index")
    std::vector<std::size_t> columns; ///< positions in the score columns, distinct, at least one
    std::vector<double> weights;      ///< one per column, finite, ≥ 0, positive sum; normalised
    IndexUnits units = IndexUnits::percent;
};

/// One question's statistics in one group. Since 0.4.
struct ColumnStats {
    /// Mean of the answered rows with sd and t interval (`percent` on 0..100); NaN parts when
    /// there are too few answers.
    MeanScore mean;
    /// Satisfied share with its Wilson interval; when not asked (`satisfied` = 0) value, low and
    /// high are NaN and the counts 0.
    Share csat;
    /// NPS with standard error and interval; when not asked, NaN with zero counts.
    Nps nps;
    std::size_t missing; ///< rows of the group whose answer is `missing`
};

/// What `group` was asked to compute for one score column besides its mean and missing count,
/// which every column has. Since 0.7.
struct ColumnAsked {
    bool csat = false; ///< CSAT (`ScoreColumn::satisfied` was not 0)
    bool nps = false;  ///< NPS (`ScoreColumn::nps` was set)
};

/// The result of `group`: the groups in ascending order of their key tuple (first key most
/// significant), with flat, group-major arrays that a C ABI or a data frame can take over
/// directly. A plain value: the caller owns it; it borrows nothing from the input. Since 0.4.
struct Grouped {
    std::vector<std::string> key_names;   ///< the key columns' names, in input order
    std::vector<std::string> score_names; ///< the score columns' names, in input order
    /// Per score column, in input order, which statistics were asked: a group whose answers are
    /// all missing has zero counts whether CSAT or NPS was asked or not, so only this tells them
    /// apart. Since 0.7.
    std::vector<ColumnAsked> asked;
    std::vector<std::string> index_names; ///< the indices' names, in input order
    /// Group g's key k at `keys[g·key_names.size() + k]`.
    std::vector<std::int32_t> keys;
    std::vector<std::size_t> rows; ///< rows of each group; its size is the number of groups
    /// Group g's statistics of score column c at `scores[g·score_names.size() + c]`.
    std::vector<ColumnStats> scores;
    /// Group g's index i at `indexes[g·index_names.size() + i]`: value, sd, n (rows with every
    /// question of the index answered), t interval; `percent` is the value on 0..100.
    std::vector<MeanScore> indexes;

    /// The number of groups.
    std::size_t size() const noexcept { return rows.size(); }
    /// Group g's key k (no bounds check).
    std::int32_t key(std::size_t g, std::size_t k) const { return keys[g * key_names.size() + k]; }
    /// Group g's statistics of score column c (no bounds check).
    const ColumnStats& score(std::size_t g, std::size_t c) const {
        return scores[g * score_names.size() + c];
    }
    /// Group g's index i (no bounds check).
    const MeanScore& index(std::size_t g, std::size_t i) const {
        return indexes[g * index_names.size() + i];
    }
};

/// Groups survey rows by up to three key columns and scores every group, in one pass over the
/// rows (DOMAIN.md §6; issue 5 "Aggregation").
///
/// All columns have the same number of rows. Rows are grouped by their key tuple; with no key
/// columns every row is in one group. Groups appear in ascending key order, and only groups with
/// rows appear (zero rows give zero groups). A `missing` answer counts in its column's
/// `missing`, never in its statistics, and excludes the row from every index using the column.
///
/// Work and memory: one pass over the rows, in time linear in the rows; the columns are never
/// copied. Besides the result (160 bytes per group and score column, 48 per group and index),
/// the call allocates about 850 KB of per-block buffers, 4·(levels + 2) bytes per group and
/// score column (8·(levels + 2) with more than 2³² − 1 rows), 32 bytes per group and index, and
/// a key-to-group table: 4 bytes a cell when the keys' ranges multiply to at most
/// max(rows, 65,536) cells and 2²⁴, else a hash table of 32–64 bytes per group. Speed falls when
/// the counters outgrow the caches (hundreds of thousands of groups).
///
/// @param keys at most `max_keys` key columns.
/// @param scores the score columns and what to compute for each.
/// @param indexes weighted indices over score columns.
/// @param confidence of every interval, in (0, 1).
/// @returns the groups, owned by the caller.
/// @throws error `errc::invalid_argument` for more than three key columns, columns of different
/// lengths or a NULL column with rows (naming the column), a bad scale or satisfied mask, `nps`
/// on a scale other than 0..10, an index with no columns, a column position out of range or
/// repeated, a weight count that differs from the columns, a negative or non-finite weight or
/// weights summing to 0, `IndexUnits::scale` over different scales, or a confidence outside
/// (0, 1); `errc::out_of_range` for an answer that is neither a level of its column's scale nor
/// `missing` (naming the column, the first such row and its value; nothing is returned);
/// `errc::too_large` for more than 2³² − 2 groups; `errc::no_memory` when the working memory
/// cannot be allocated.
/// Thread-safety: pure; concurrent calls are safe. Since 0.4.
Grouped group(const std::vector<KeyColumn>& keys, const std::vector<ScoreColumn>& scores,
              const std::vector<IndexSpec>& indexes = {}, double confidence = 0.95);

/// The JSON form of grouped scores, compact, UTF-8, one object:
/// `{"keys":[names],"scores":[names],"indexes":[names],"groups":[...]}`, each group
/// `{"keys":[key values],"rows":n,"scores":{name:stats,...},"indexes":{name:mean,...}}`, where
/// a score column's stats are `{"missing":n,"mean":mean}` followed by
/// `"csat":{"value","low","high","successes","n"}` when CSAT was asked of the column and
/// `"nps":{"value","se","low","high","n","promoters","passives","detractors"}` when NPS was
/// (`Grouped::asked`), and a mean is `{"value","sd","low","high","percent","n"}`. Members come in
/// the order shown; reals are written in their shortest form that reads back to the same double,
/// a NaN (too few answers) as `null`; names are escaped as JSON strings (`"`, `\` and control
/// characters). The form `plaint_groups_to_json` gives.
/// @throws error `errc::encoding` when a name is not valid UTF-8 (naming it);
/// `errc::invalid_argument` when `asked` does not have one entry per score column (a `Grouped` not
/// made by `group`). Thread-safety: pure. Since 0.7.
std::string to_json(const Grouped& grouped);

} // namespace satisfaction

PLAINT_END_NAMESPACE
