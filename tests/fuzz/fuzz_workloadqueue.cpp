// The workload queue file (docs/examples/workload-queue.json).
#include "jobs/workloadjson.h"

#include <QByteArray>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto result =
        cpn::jobs::workloadjson::read(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (result.workloads) // what was read writes and reads back
        cpn::jobs::workloadjson::read(cpn::jobs::workloadjson::write(*result.workloads));
    return 0;
}
