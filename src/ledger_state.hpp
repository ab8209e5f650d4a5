// The ledger's stored state as a stream of counts and byte blocks, for snapshots
// (src/snapshot.cpp). Kept free of Boost: the snapshot code adapts its archive to these two
// interfaces, and src/ledger_state.cpp writes and reads the packed records (src/ledger_impl.hpp)
// through them.
#pragma once

#include "plaint/config.hpp"
#include "plaint/ledger.hpp"

#include "plaint/time.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// The layout of the state `LedgerAccess::save` writes. A change of the packed records (Rec, PEv,
// Span, Extra in src/ledger_impl.hpp) or of the order below is a new version; `load` keeps reading
// every older one (CONVENTIONS.md, "Versions").
// Version 2 (0.6): a record's repeat count in two of its formerly spare bytes (zero in version 1).
// Version 3 (0.7): a record's kind of request in its next spare byte (every earlier record is a
// complaint), and an event's type codes past 15 in its formerly spare byte (zero before).
// Version 4 (0.7): an event's handler where its note was, its team in its high byte, a record's
// team and the rules' team in its last two spare bytes, and after the deadlines the table of
// event notes (before, each event held its note).
constexpr std::uint32_t ledger_state_version = 4;

class StateWriter {
public:
    virtual void count(std::uint64_t n) = 0;
    virtual void bytes(const void* data, std::size_t n) = 0;

protected:
    ~StateWriter() = default;
};

// Every read throws error(errc::parse) when fewer bytes remain than it asks for.
class StateReader {
public:
    virtual std::uint64_t count() = 0;
    virtual void bytes(void* data, std::size_t n) = 0;
    virtual std::uint64_t remaining() const noexcept = 0;

    // A count of items of `item_bytes` bytes each, refused (errc::parse, naming `what`) when the
    // items could not fit in what remains: no allocation is ever sized by an unchecked count.
    std::size_t items(std::size_t item_bytes, const char* what);

protected:
    ~StateReader() = default;
};

struct LedgerAccess {
    // The complaints, events, texts and interned strings, and the names of the profile's SLA
    // policies the records refer to by position; not the profile itself.
    static void save(const Ledger& ledger, StateWriter& out);
    // Into an empty ledger made with the profile the state was saved under (its SLA policy names
    // are checked); every index and span is checked and the id index rebuilt, so a state that
    // passed the checksum but is inconsistent is refused (errc::parse), never trusted.
    static void load(Ledger& ledger, StateReader& in, std::uint32_t version);
    // A complaint in its JSON form (`complaint_from_json`) into the ledger, its events checked by
    // the workflow of the kind the ledger takes it as: the stated one, or for an unstated kind
    // the one the profile's rules decide at intake (a rules-decided consultation's `answer`).
    // On any error the ledger is as it was. Returns the complaint's index; `events`, when
    // given, is set to the number of events the text gave (`receive` not counted).
    static std::size_t add_json(Ledger& ledger, std::string_view text,
                                std::size_t* events = nullptr);
    // When complaint `index` (< size) was received: its view's `received` without the view, for
    // the report's survey join.
    static Instant received(const Ledger& ledger, std::size_t index) noexcept;
};

} // namespace detail
PLAINT_END_NAMESPACE
