#pragma once

namespace cpn {

// How a console's connection to an endpoint stands. Below api/ because the protocol client sets it
// and the events the console tells (itemmodels/StatusEvents) read it.
enum class ConnectionState {
    Connecting, // no data yet, not yet given up
    Online,     // data is fresh
    Stale,      // newest data is older than twice the refresh interval
    Offline,    // several requests in a row failed
};

} // namespace cpn
