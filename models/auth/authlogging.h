#pragma once

#include <QLoggingCategory>

// Sign-in, refresh and the keychain. Lines in this category never carry a token, code, verifier or state.
Q_DECLARE_LOGGING_CATEGORY(lcAuth)

namespace cpn::auth {

// QtNetworkAuth 6.4 logs whole callback URLs (code and state included) under qt.networkauth.*:
// silence those categories for good, whatever QT_LOGGING_RULES says. Idempotent.
void silenceNetworkAuthLogging();

} // namespace cpn::auth
