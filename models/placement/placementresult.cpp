#include "placement/placementresult.h"

namespace cpn::placement {

QString Candidate::key() const
{
    QString k;
    for (const Share &s : shares) {
        if (!k.isEmpty())
            k += u'+';
        k += s.nodeId;
    }
    return k;
}

} // namespace cpn::placement
