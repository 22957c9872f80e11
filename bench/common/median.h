#pragma once

#include <algorithm>
#include <iterator>

namespace benchstats {

// The median of a benchmark's runs (the mean of the middle two for an even count); 0 when there
// are none. Takes its container by value: it sorts a copy.
template <typename Container> double median(Container values)
{
    const auto n = std::size(values);
    if (n == 0)
        return 0;
    std::sort(std::begin(values), std::end(values));
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace benchstats
