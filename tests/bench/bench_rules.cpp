// Classification rules: the peers' work and the issue's, in items/s.
//
// (a) The peers' work (peers/README.md, "rules"): their 32-row complaint-severity table in
//     plaint's format (tests/vectors/severity_table.plaint.json and its collect twin, converted
//     by tests/vectors/severity_peers.py) over the same 1,000,000 inputs as
//     peers/rules/gen_inputs.js (rules_inputs.hpp). Compare items/s with the peers' RESULT lines
//     (ops_per_s): ZEN's loop mode over batches of 1,000 is their fastest.
//       BM_peers_first_many     classify_many, first hit, batches of 1,000 reused decisions
//       BM_peers_collect_many   the same, collect
//       BM_peers_first_convert  the same as first_many, with the inputs' conversion to Facts
//                               timed too (ZEN's batches include converting JS objects)
// (b) The issue's work: a 30-row severity table with enumeration sets, numeric conditions and
//     200 keywords (100 English, 100 Chinese) over complaints with about 200 bytes of mixed
//     Chinese and English content. Target: at least 5,000,000 items/s on one thread.
//       BM_issue_first_many, BM_issue_collect_many
//       BM_issue_no_content     the same table and facts with empty content: what the rows cost
//                               without the keyword scan
//       BM_issue_keyword_scan   only the keyword scan of those contents (RuleSet::count_keywords)
//       BM_issue_first_capi_many  the first-hit table inside a profile, through the C ABI's
//                               plaint_profile_classify_many over columns (target 2,000,000/s;
//                               the profile's return-visit rules run too)
// (c) BM_compile_10000_rows: RuleSet::from_json of a 10,000-row table (target under 100 ms).
// Since 0.7 keywords match in every written form (src/fold.hpp): matcher_bytes counts what the
// compiled matcher holds. (OpenCC's conversions load once per process, on the first compile;
// the warm-up iteration pays it.)
#include "rules_inputs.hpp"

#include <plaint/plaint.h>
#include <plaint/rules.hpp>

#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

using plaint::Decision;
using plaint::Facts;
using plaint::RuleSet;

constexpr std::size_t batch = 1000;

std::string read_vector(const std::string& name) {
    const std::string path = std::string(PLAINT_VECTORS_DIR) + "/" + name;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Runs classify_many over all facts in batches, reusing `batch` decisions (allocation-free once
// they have grown).
void run_batches(benchmark::State& state, const RuleSet& rules, const std::vector<Facts>& facts) {
    std::vector<Decision> out(batch);
    for (std::size_t i = 0; i < facts.size(); i += batch) // grow the decisions
        rules.classify_many(facts.data() + i, std::min(batch, facts.size() - i), out.data());
    for (auto _ : state) {
        for (std::size_t i = 0; i < facts.size(); i += batch) {
            rules.classify_many(facts.data() + i, std::min(batch, facts.size() - i), out.data());
            benchmark::DoNotOptimize(out.data());
        }
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(facts.size()));
}

// ---- (a) the peers' work --------------------------------------------------------------------

constexpr std::size_t peer_count = 1000000;

const std::vector<rules_peers::Input>& peer_inputs() {
    static const auto in = rules_peers::generate(peer_count);
    return in;
}

const std::vector<Facts>& peer_facts() {
    static const std::vector<Facts> facts = [] {
        std::vector<Facts> v(peer_count);
        for (std::size_t i = 0; i < peer_count; ++i)
            rules_peers::to_facts(peer_inputs()[i], v[i]);
        return v;
    }();
    return facts;
}

const RuleSet& peer_table(bool collect) {
    static const RuleSet first = RuleSet::from_json(read_vector("severity_table.plaint.json"));
    static const RuleSet all =
        RuleSet::from_json(read_vector("severity_table_collect.plaint.json"));
    return collect ? all : first;
}

void BM_peers_first_many(benchmark::State& state) {
    run_batches(state, peer_table(false), peer_facts());
}
BENCHMARK(BM_peers_first_many)->Unit(benchmark::kMillisecond);

void BM_peers_collect_many(benchmark::State& state) {
    run_batches(state, peer_table(true), peer_facts());
}
BENCHMARK(BM_peers_collect_many)->Unit(benchmark::kMillisecond);

void BM_peers_first_convert(benchmark::State& state) {
    const auto& in = peer_inputs();
    const RuleSet& rules = peer_table(false);
    std::vector<Facts> facts(batch);
    std::vector<Decision> out(batch);
    for (auto _ : state) {
        for (std::size_t i = 0; i < in.size(); i += batch) {
            const std::size_t n = std::min(batch, in.size() - i);
            for (std::size_t j = 0; j < n; ++j)
                rules_peers::to_facts(in[i + j], facts[j]);
            rules.classify_many(facts.data(), n, out.data());
            benchmark::DoNotOptimize(out.data());
        }
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(in.size()));
}
BENCHMARK(BM_peers_first_convert)->Unit(benchmark::kMillisecond);

// ---- (b) the issue's work -------------------------------------------------------------------

// Terms a property-management office sees in complaints; keywords of the generated table.
constexpr std::array<std::string_view, 100> english = {
    "leak",      "flood",     "pipe",      "burst",       "outage",    "blackout",   "elevator",
    "lift",      "stuck",     "trapped",   "broken",      "noise",     "loud",       "smell",
    "odor",      "garbage",   "trash",     "parking",     "gate",      "lock",       "lamp",
    "light",     "heating",   "aircon",    "window",      "crack",     "mold",       "roof",
    "wall",      "paint",     "dirty",     "cleaning",    "security",  "guard",      "theft",
    "stolen",    "pet",       "dog",       "barking",     "fee",       "refund",     "rude",
    "staff",     "manager",   "delay",     "repair",      "fix",       "quality",    "landscaping",
    "tree",      "fire",      "smoke",     "gas",         "injury",    "fall",       "elderly",
    "child",     "lawyer",    "lawsuit",   "court",       "media",     "journalist", "hotline",
    "complaint", "report",    "developer", "handover",    "basement",  "sewer",      "blocked",
    "drain",     "pressure",  "meter",     "electricity", "water",     "bill",       "delivery",
    "lost",      "damaged",   "facade",    "glass",       "falling",   "hazard",     "camera",
    "cctv",      "barrier",   "charger",   "neighbor",    "cockroach", "rat",        "insult",
    "threat",    "abuse",     "unfair",    "angry",       "consult",   "inquiry",    "urgent",
    "emergency", "renovation"};
constexpr std::array<std::string_view, 100> chinese = {
    "漏水",   "渗水",   "水管",     "爆管",     "停水", "停电",   "跳闸", "电梯",   "困人",
    "故障",   "噪音",   "扰民",     "装修",     "异味", "垃圾",   "清运", "停车",   "车位",
    "门禁",   "门锁",   "路灯",     "照明",     "空调", "暖气",   "供暖", "窗户",   "裂缝",
    "发霉",   "屋顶",   "墙面",     "脱落",     "卫生", "保洁",   "保安", "巡逻",   "被盗",
    "失窃",   "宠物",   "狗叫",     "物业费",   "收费", "退费",   "态度", "恶劣",   "辱骂",
    "威胁",   "经理",   "拖延",     "维修",     "报修", "返修",   "质量", "绿化",   "树木",
    "草坪",   "消防",   "火灾",     "冒烟",     "燃气", "漏气",   "受伤", "摔倒",   "老人",
    "儿童",   "律师",   "起诉",     "法院",     "媒体", "记者",   "曝光", "热线",   "投诉",
    "举报",   "业委会", "开发商",   "交房",     "验收", "地库",   "积水", "下水道", "堵塞",
    "化粪池", "水压",   "水质",     "电费",     "电表", "水表",   "快递", "丢失",   "破损",
    "外墙",   "玻璃",   "高空抛物", "安全隐患", "监控", "摄像头", "道闸", "充电桩", "邻居",
    "漏雨"};
// Filler around the keywords, as residents write (some of it by chance holds a keyword too).
constexpr std::array<std::string_view, 8> filler_cn = {
    "您好，我是三号楼二单元的住户，", "最近一个星期以来，",         "已经向前台反映过好几次了，",
    "但是一直没有人来处理，",         "希望物业尽快安排人员查看，", "谢谢！",
    "楼下的情况比较严重，",           "晚上十点以后还是这样，"};
constexpr std::array<std::string_view, 6> filler_en = {
    "Hello, I live in unit 1203. ",      "This happened again this week, ",
    "I already called the desk twice, ", "nobody came to check, ",
    "please send someone soon. ",        "Thanks. "};

constexpr const char* channel_names[] = {"phone",  "visit",     "letter",
                                         "online", "authority", "media"};
constexpr const char* category_names[] = {"equipment", "attitude", "quality", "sudden_event",
                                          "other"};

std::string keyword_at(std::size_t k) {
    return std::string(k % 2 ? chinese[k / 2] : english[k / 2]); // alternate the languages
}

// 30 rows under `first`: 29 with keyword lists (the 200 keywords spread over them, 6 or 7 a
// row), most with enumeration sets and numeric conditions, then a catch-all.
std::string issue_table_json(const char* hit) {
    rules_peers::Mulberry32 rng(30);
    auto pick = [&rng](std::size_t n) { return static_cast<std::size_t>(rng.next() * double(n)); };
    std::string rows;
    const char* natures[] = {"valid", "major", "help_seeking", "consulting", "venting"};
    const char* roles[] = {"duty_staff", "cs_assistant", "cs_manager", "general_manager",
                           "company"};
    std::size_t kw = 0;
    for (std::size_t r = 0; r < 29; ++r) {
        std::string when;
        auto add = [&when](const std::string& cond) { when += (when.empty() ? "" : ", ") + cond; };
        if (rng.next() < 0.5) { // a set of 2 or 3 channels
            std::string set;
            for (std::size_t i = 0, n = 2 + pick(2), first = pick(6); i < n; ++i)
                set += std::string(i ? ", " : "") + "\"" + channel_names[(first + i) % 6] + "\"";
            add("\"channel\": [" + set + "]");
        }
        if (rng.next() < 0.7) { // one or two categories
            std::string set;
            for (std::size_t i = 0, n = 1 + pick(2), first = pick(5); i < n; ++i)
                set += std::string(i ? ", " : "") + "\"" + category_names[(first + i) % 5] + "\"";
            add("\"category\": [" + set + "]");
        }
        if (rng.next() < 0.3)
            add("\"reporter_count\": {\"gte\": " + std::to_string(2 + pick(10)) + "}");
        if (rng.next() < 0.3) {
            const std::size_t lo = pick(3);
            add("\"repeat_count\": {\"between\": [" + std::to_string(lo) + ", " +
                std::to_string(lo + 1 + pick(4)) + "]}");
        }
        if (rng.next() < 0.3)
            add("\"hours_since_received\": {\"gt\": " + std::to_string(12 * (1 + pick(8))) + "}");
        std::string kws;
        for (const std::size_t end = (r + 1) * 200 / 29; kw < end; ++kw)
            kws += (kws.empty() ? "\"" : ", \"") + keyword_at(kw) + "\"";
        add("\"keywords\": [" + kws + "]");
        rows += "{\"id\": \"S" + std::to_string(r + 1) + "\", \"when\": {" + when +
                "}, \"then\": {\"nature\": \"" + natures[pick(5)] + "\", \"severity\": \"p" +
                std::to_string(1 + r * 3 / 29) + "\", \"sla_policy\": \"policy_" +
                std::to_string(r + 1) + "\", \"escalate_to\": \"" + roles[pick(5)] + "\"}},\n";
    }
    if (kw != 200)
        throw std::logic_error("issue_table_json: keywords not spread over the rows");
    rows += R"({"id": "S30", "then": {"nature": "valid", "severity": "p4", "sla_policy": "base"}})";
    return std::string("{\"sections\": [{\"name\": \"severity\", \"hit\": \"") + hit +
           "\", \"rows\": [\n" + rows + "\n]}]}";
}

struct IssueInputs {
    std::vector<std::string> content;
    std::vector<Facts> facts;
    double mean_bytes = 0;
};

constexpr std::size_t issue_count = 100000;

// Complaints of about 200 bytes: filler phrases in both languages with 0, 1 or 2 of the
// table's keywords among them; enumerations and numbers drawn uniformly.
const IssueInputs& issue_inputs() {
    static const IssueInputs in = [] {
        rules_peers::Mulberry32 rng(200);
        auto pick = [&rng](std::size_t n) {
            return static_cast<std::size_t>(rng.next() * double(n));
        };
        IssueInputs v;
        v.content.resize(issue_count);
        v.facts.resize(issue_count);
        std::size_t bytes = 0;
        for (std::size_t i = 0; i < issue_count; ++i) {
            std::string& s = v.content[i];
            std::size_t keywords = pick(3);
            while (s.size() < 190) {
                if (keywords > 0 && rng.next() < 0.3) {
                    s += keyword_at(pick(200));
                    s += pick(2) ? " " : "，";
                    --keywords;
                } else if (rng.next() < 0.6) {
                    s += filler_cn[pick(filler_cn.size())];
                } else {
                    s += filler_en[pick(filler_en.size())];
                }
            }
            bytes += s.size();
            Facts& f = v.facts[i];
            f.channel = static_cast<plaint::Channel>(1 + pick(6));
            f.category = static_cast<plaint::Category>(1 + pick(5));
            f.reporter_count = 1 + static_cast<std::int32_t>(pick(12));
            f.repeat_count = static_cast<std::int32_t>(pick(6));
            f.hours_since_received = static_cast<double>(pick(10000)) / 100;
        }
        for (std::size_t i = 0; i < issue_count; ++i) // after the strings stopped moving
            v.facts[i].content = v.content[i];
        v.mean_bytes = static_cast<double>(bytes) / issue_count;
        return v;
    }();
    return in;
}

const RuleSet& issue_table(bool collect) {
    static const RuleSet first = RuleSet::from_json(issue_table_json("first"));
    static const RuleSet all = RuleSet::from_json(issue_table_json("collect"));
    return collect ? all : first;
}

void BM_issue_first_many(benchmark::State& state) {
    run_batches(state, issue_table(false), issue_inputs().facts);
    state.counters["content_bytes"] = issue_inputs().mean_bytes;
}
BENCHMARK(BM_issue_first_many)->Unit(benchmark::kMillisecond);

void BM_issue_collect_many(benchmark::State& state) {
    run_batches(state, issue_table(true), issue_inputs().facts);
    state.counters["content_bytes"] = issue_inputs().mean_bytes;
}
BENCHMARK(BM_issue_collect_many)->Unit(benchmark::kMillisecond);

void BM_issue_first_capi_many(benchmark::State& state) {
    // A profile holding the table, with the SLA policies it names (one target each).
    std::string policies = R"("base": {"targets": [{"kind": "record", "duration": "1h"}]})";
    for (int i = 1; i <= 29; ++i)
        policies += ", \"policy_" + std::to_string(i) +
                    R"(": {"targets": [{"kind": "record", "duration": "1h"}]})";
    const std::string json = "{\"plaint_profile\": 1, \"policies\": {" + policies +
                             "}, \"rules\": " + issue_table_json("first") + "}";
    plaint_profile* p = nullptr;
    if (plaint_profile_from_json(&p, json.data(), json.size()) != PLAINT_OK) {
        state.SkipWithError(plaint_last_error_message());
        return;
    }
    const IssueInputs& in = issue_inputs();
    std::vector<std::int32_t> channel, category, reporters, repeats;
    std::vector<double> hours;
    std::vector<const char*> content;
    for (std::size_t i = 0; i < in.facts.size(); ++i) {
        channel.push_back(static_cast<std::int32_t>(in.facts[i].channel));
        category.push_back(static_cast<std::int32_t>(in.facts[i].category));
        reporters.push_back(in.facts[i].reporter_count);
        repeats.push_back(in.facts[i].repeat_count);
        hours.push_back(in.facts[i].hours_since_received);
        content.push_back(in.content[i].c_str());
    }
    std::vector<std::int32_t> nature(batch), severity(batch), escalate(batch);
    auto run = [&] {
        for (std::size_t i = 0; i < in.facts.size(); i += batch) {
            plaint_facts_columns cols = PLAINT_FACTS_COLUMNS_INIT;
            cols.count = std::min(batch, in.facts.size() - i);
            cols.channel = channel.data() + i;
            cols.category = category.data() + i;
            cols.reporter_count = reporters.data() + i;
            cols.repeat_count = repeats.data() + i;
            cols.hours_since_received = hours.data() + i;
            cols.content = content.data() + i;
            if (plaint_profile_classify_many(p, &cols, nature.data(), severity.data(),
                                             escalate.data(), nullptr) != PLAINT_OK)
                return false;
            benchmark::DoNotOptimize(nature.data());
        }
        return true;
    };
    run(); // grow the library's per-thread buffers
    for (auto _ : state)
        if (!run()) {
            state.SkipWithError(plaint_last_error_message());
            break;
        }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(in.facts.size()));
    plaint_profile_free(p);
}
BENCHMARK(BM_issue_first_capi_many)->Unit(benchmark::kMillisecond);

void BM_issue_no_content(benchmark::State& state) {
    std::vector<Facts> facts = issue_inputs().facts;
    for (auto& f : facts)
        f.content = {};
    run_batches(state, issue_table(false), facts);
}
BENCHMARK(BM_issue_no_content)->Unit(benchmark::kMillisecond);

void BM_issue_keyword_scan(benchmark::State& state) {
    const IssueInputs& in = issue_inputs();
    const RuleSet& rules = issue_table(false);
    const std::vector<std::string_view> texts(in.content.begin(), in.content.end());
    std::vector<std::size_t> counts(rules.keywords().size());
    for (auto _ : state) {
        rules.count_keywords(texts.data(), texts.size(), counts.data());
        benchmark::DoNotOptimize(counts.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(texts.size()));
    state.SetBytesProcessed(static_cast<std::int64_t>(static_cast<double>(state.iterations()) *
                                                      in.mean_bytes * double(texts.size())));
    // The compiled matcher, with every written form of the keywords (since 0.7).
    state.counters["matcher_bytes"] = static_cast<double>(rules.keyword_memory());
}
BENCHMARK(BM_issue_keyword_scan)->Unit(benchmark::kMillisecond);

// ---- (c) compiling a large table ------------------------------------------------------------

// 10,000 rows under `first`: enumeration sets, numeric conditions and a list of three keywords
// each, from 5,000 distinct keywords (a base term with a building number, in both languages).
const std::string& table_10000_rows() {
    static const std::string text = [] {
        rules_peers::Mulberry32 rng(10000);
        auto pick = [&rng](std::size_t n) {
            return static_cast<std::size_t>(rng.next() * double(n));
        };
        auto keyword = [](std::size_t k) { // k < 5000
            const std::size_t base = k % 200, building = k / 200;
            return base % 2 ? std::to_string(building + 1) + "栋" + keyword_at(base)
                            : keyword_at(base) + "-" + std::to_string(building + 1);
        };
        std::string s = "{\"sections\": [{\"name\": \"big\", \"hit\": \"first\", \"rows\": [\n";
        for (std::size_t r = 0; r < 10000; ++r) {
            s += "{\"id\": \"r" + std::to_string(r) + "\", \"when\": {\"channel\": [\"" +
                 channel_names[pick(6)] + "\", \"" + channel_names[pick(6)] +
                 "\"], \"category\": \"" + category_names[pick(5)] +
                 "\", \"reporter_count\": {\"gte\": " + std::to_string(1 + pick(20)) +
                 "}, \"hours_since_received\": {\"between\": [0, " +
                 std::to_string(24 * (1 + pick(7))) + "]}, \"keywords\": [\"" +
                 keyword(pick(5000)) + "\", \"" + keyword(pick(5000)) + "\", \"" +
                 keyword(pick(5000)) + "\"]}, \"then\": {\"nature\": \"valid\", \"severity\": \"p" +
                 std::to_string(1 + pick(4)) + "\", \"sla_policy\": \"policy_" +
                 std::to_string(pick(50)) + "\", \"escalate_to\": \"cs_manager\"}}";
            s += r + 1 < 10000 ? ",\n" : "\n";
        }
        return s + "]}]}";
    }();
    return text;
}

void BM_compile_10000_rows(benchmark::State& state) {
    const std::string& text = table_10000_rows();
    for (auto _ : state) {
        RuleSet rules = RuleSet::from_json(text);
        benchmark::DoNotOptimize(rules.row_count());
    }
    state.counters["json_bytes"] = static_cast<double>(text.size());
    state.counters["matcher_bytes"] =
        static_cast<double>(RuleSet::from_json(text).keyword_memory());
}
BENCHMARK(BM_compile_10000_rows)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
