#pragma once

#include <QString>
#include <QtGlobal>

// Stable hashing and a counter-based PRNG. qHash() is seeded per process, std::rand() is global
// state: neither gives the same federation and samples for the same --seed on every run.
namespace cpn::sim::prng {

inline quint64 splitmix64(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// FNV-1a over the UTF-16 code units: stable across runs and platforms.
inline quint64 hashString(const QString &s)
{
    quint64 h = 0xcbf29ce484222325ULL;
    for (QChar c : s) {
        h ^= c.unicode();
        h *= 0x100000001b3ULL;
    }
    return h;
}

inline quint64 mix(quint64 a, quint64 b) { return splitmix64(a ^ splitmix64(b)); }
inline quint64 mix(quint64 a, quint64 b, quint64 c) { return mix(mix(a, b), c); }

// A uniform double in [0, 1) from a hash.
inline double unit(quint64 h) { return double(h >> 11) * (1.0 / 9007199254740992.0); }

// A sequential generator for building scenarios.
class Rng
{
public:
    explicit Rng(quint64 seed) : m_state(seed) {}
    quint64 next() { return splitmix64(m_state++); }
    double uniform() { return unit(next()); }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    int below(int n) { return int(next() % quint64(n)); }

private:
    quint64 m_state;
};

} // namespace cpn::sim::prng
