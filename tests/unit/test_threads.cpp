// Threads (issue 12): compiled objects are shared by any number of threads without locks
// (DESIGN.md, principle 2), and a ledger is read under a shared lock while one thread writes
// under an exclusive one. Eight threads work on objects compiled afresh for the threaded run
// (so that the calendars' lazily built years are built while the threads race for them) and
// must give exactly what one thread gives on objects of their own. The `tsan` preset runs this
// under ThreadSanitizer, which reports any data race; the ordinary builds check the results.
#include "support.hpp"
#include <plaint/ledger.hpp>
#include <plaint/profile.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <shared_mutex>
#include <sstream>
#include <stdexcept>
#include <thread>

using namespace plaint;

namespace {

constexpr int thread_count = 8;

// The sample month through a ledger of the default profile, each rebuilt with its own log and
// the kind the rules decide (a consultation read alone would be a complaint, its `answer`
// refused).
std::vector<Complaint> sample() {
    Ledger ledger(Profile::default_profile());
    const auto report = ledger.import_json_lines(
        test::read_file(std::string(PLAINT_DATA_DIR) + "/sample/complaints-2026-10.jsonl"));
    if (report.bad_rows != 0)
        throw std::runtime_error("the sample month does not import");
    std::vector<Complaint> out;
    for (std::size_t k = 0; k < ledger.size(); ++k)
        out.push_back(ledger.complaint(k, false));
    return out;
}

// One line of everything a thread computes for complaint `c`: the decision of the rules, the
// office calendar's answers and the SLA clocks, as text.
std::string work(const Profile& p, const Complaint& c) {
    std::ostringstream o;
    const Instant at = c.received() + 36 * 3600;
    const Decision d = p.classify(Facts::of(c, at));
    o << to_json(d) << '|';
    const Calendar* office = p.policies().calendar("office");
    if (!office) // Catch's assertions are for the main thread only
        throw std::runtime_error("the default profile has no office calendar");
    o << office->is_open(c.received()) << ' ' << office->next_open(c.received()) << ' '
      << office->add(c.received(), 8 * 3600) << ' ' << office->sub(at, 5 * 3600) << ' '
      << office->between(c.received(), at) << '|';
    const std::string policy = d.sla_policy ? std::string(*d.sla_policy) : "complaint";
    for (const Clock& k : p.policies().clocks(policy, c, at))
        o << k.target << ' ' << static_cast<int>(k.state) << ' ' << k.due.value_or(-1) << ' '
          << k.elapsed << ';';
    return o.str();
}

std::string view_text(const ComplaintView& v) {
    std::ostringstream o;
    o << v.index << ' ' << v.id << ' ' << static_cast<int>(v.state) << ' '
      << static_cast<int>(v.nature) << ' ' << static_cast<int>(v.severity) << ' ' << v.event_count
      << ' ' << v.reevaluations << ' ' << v.repeat_count << ' ' << v.sla_policy;
    return o.str();
}

} // namespace

TEST_CASE("threads: eight threads share one compiled profile, calendar and policy set") {
    const std::vector<Complaint> cs = sample();
    REQUIRE(cs.size() == 2231); // wc -l complaints-2026-10.jsonl
    const std::string text =
        test::read_file(std::string(PLAINT_DATA_DIR) + "/default-profile.json");
    // One thread, on a profile of its own.
    const Profile alone = Profile::from_json(text);
    std::vector<std::string> expected;
    for (const Complaint& c : cs)
        expected.push_back(work(alone, c));
    // Eight threads on one fresh profile, each over every complaint from its own starting point.
    const Profile shared = Profile::from_json(text);
    std::vector<std::vector<std::string>> got(thread_count, std::vector<std::string>(cs.size()));
    std::vector<std::thread> threads;
    for (int t = 0; t < thread_count; ++t)
        threads.emplace_back([&, t] {
            const std::size_t start = cs.size() * static_cast<std::size_t>(t) / thread_count;
            for (std::size_t k = 0; k < cs.size(); ++k) {
                const std::size_t i = (start + k) % cs.size();
                got[static_cast<std::size_t>(t)][i] = work(shared, cs[i]);
            }
        });
    for (auto& th : threads)
        th.join();
    for (int t = 0; t < thread_count; ++t)
        for (std::size_t i = 0; i < cs.size(); ++i)
            if (got[static_cast<std::size_t>(t)][i] != expected[i])
                FAIL("thread " << t << ", complaint " << cs[i].id() << ": "
                               << got[static_cast<std::size_t>(t)][i] << " != " << expected[i]);
    // The batch call too: each thread classifies the whole month at once.
    std::vector<Facts> facts;
    for (const Complaint& c : cs)
        facts.push_back(Facts::of(c, c.received() + 36 * 3600));
    std::vector<std::vector<std::string>> batch(thread_count);
    threads.clear();
    for (int t = 0; t < thread_count; ++t)
        threads.emplace_back([&, t] {
            std::vector<Decision> out(facts.size());
            shared.classify_many(facts.data(), facts.size(), out.data());
            for (const Decision& d : out)
                batch[static_cast<std::size_t>(t)].push_back(to_json(d));
        });
    for (auto& th : threads)
        th.join();
    for (int t = 0; t < thread_count; ++t)
        for (std::size_t i = 0; i < cs.size(); ++i)
            CHECK(batch[static_cast<std::size_t>(t)][i] + "|" ==
                  expected[i].substr(0, expected[i].find('|') + 1));
}

TEST_CASE("threads: readers under a shared lock while one writer adds under its lock") {
    const std::vector<Complaint> cs = sample();
    // One thread: the ledger as the writer will leave it, and each complaint's view.
    Ledger alone;
    for (const Complaint& c : cs)
        alone.add(c);
    std::vector<std::string> expected;
    for (std::size_t i = 0; i < alone.size(); ++i)
        expected.push_back(view_text(alone.view(i)));
    const Instant at = parse_iso8601("2026-11-01T00:00:00+08:00");

    Ledger shared;
    std::shared_mutex mu;
    std::vector<int> mismatches(thread_count, 0), reads(thread_count, 0);
    std::vector<std::thread> threads(1);
    std::atomic<bool> written{false};
    threads.back() = std::thread([&] { // the writer
        for (const Complaint& c : cs) {
            std::unique_lock<std::shared_mutex> lock(mu);
            shared.add(c);
        }
        written = true;
    });
    // Readers take turns with the writer, yielding between reads (a reader-preferring lock
    // would otherwise starve the writer). Each reads at least 200 times with complaints
    // present (the writer may not have added one yet when a reader starts) and stops once
    // the writer is done or after 4,000 turns.
    for (int t = 1; t < thread_count; ++t)
        threads.emplace_back([&, t] {
            for (int r = 0; reads[static_cast<std::size_t>(t)] < 200 || (!written && r < 4000);
                 ++r) {
                std::this_thread::yield();
                std::shared_lock<std::shared_mutex> lock(mu);
                const std::size_t seen = shared.size();
                // Complaints are added whole, so every one present is as it will stay.
                if (seen > 0) {
                    const std::size_t i =
                        (static_cast<std::size_t>(r) * 7919 + static_cast<std::size_t>(t) * 131) %
                        seen;
                    ++reads[static_cast<std::size_t>(t)];
                    if (view_text(shared.view(i)) != expected[i])
                        ++mismatches[static_cast<std::size_t>(t)];
                    (void)shared.clocks(i, at);
                    Query q;
                    q.building = shared.view(i).building;
                    if (shared.select(q).empty())
                        ++mismatches[static_cast<std::size_t>(t)];
                }
            }
        });
    for (auto& th : threads)
        th.join();
    for (int t = 1; t < thread_count; ++t) {
        CHECK(mismatches[static_cast<std::size_t>(t)] == 0);
        CHECK(reads[static_cast<std::size_t>(t)] > 0);
    }
    REQUIRE(shared.size() == alone.size());
    for (std::size_t i = 0; i < shared.size(); ++i)
        CHECK(view_text(shared.view(i)) == expected[i]);
    // And all clocks of the finished ledger, read by eight threads at once, equal one thread's.
    std::vector<std::string> clocks_alone;
    for (std::size_t i = 0; i < alone.size(); ++i) {
        std::ostringstream o;
        for (const Clock& k : alone.clocks(i, at))
            o << k.target << ' ' << static_cast<int>(k.state) << ' ' << k.due.value_or(-1) << ';';
        clocks_alone.push_back(o.str());
    }
    std::vector<int> clock_mismatches(thread_count, 0);
    threads.clear();
    for (int t = 0; t < thread_count; ++t)
        threads.emplace_back([&, t] {
            for (std::size_t i = 0; i < shared.size(); ++i) {
                std::ostringstream o;
                for (const Clock& k : shared.clocks(i, at))
                    o << k.target << ' ' << static_cast<int>(k.state) << ' ' << k.due.value_or(-1)
                      << ';';
                if (o.str() != clocks_alone[i])
                    ++clock_mismatches[static_cast<std::size_t>(t)];
            }
        });
    for (auto& th : threads)
        th.join();
    for (int t = 0; t < thread_count; ++t)
        CHECK(clock_mismatches[static_cast<std::size_t>(t)] == 0);
}
