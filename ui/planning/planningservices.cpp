#include "ui/planning/planningservices.h"

#include "jobs/jobtracker.h"

namespace cpn {

NodeNames PlanningServices::nodeNames() const
{
    return jobs ? jobs->nodeNames() : NodeNames();
}

} // namespace cpn
