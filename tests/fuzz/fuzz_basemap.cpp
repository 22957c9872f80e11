// An organisation's GeoJSON basemap (--basemap).
#include "geo/basemap.h"

#include <QByteArray>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QString error;
    cpn::geo::parseBasemap(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)), &error);
    return 0;
}
