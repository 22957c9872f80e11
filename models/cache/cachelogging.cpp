#include "cache/cachelogging.h"

Q_LOGGING_CATEGORY(lcCache, "cpn.cache", QtInfoMsg)
