#pragma once

#include <QCoreApplication>
#include <QWizard>

namespace cpn {

// QWizard labels its Back, Next, Commit, Finish, Cancel and Help buttons once, in the language of its
// construction, and not again on a QEvent::LanguageChange: a wizard's retranslate() calls this to set
// them with Qt's own texts (qtbase's translation), before any text of its own. A page's setButtonText
// still wins on that page.
inline void retranslateWizardButtons(QWizard *wizard)
{
    const auto qt = [](const char *source) { return QCoreApplication::translate("QWizard", source); };
    const bool mac = wizard->wizardStyle() == QWizard::MacStyle;
    wizard->setButtonText(QWizard::BackButton, mac ? qt("Go Back") : qt("< &Back"));
    wizard->setButtonText(QWizard::NextButton, mac ? qt("Continue") : qt("&Next >"));
    wizard->setButtonText(QWizard::CommitButton, qt("Commit"));
    wizard->setButtonText(QWizard::FinishButton, mac ? qt("Done") : qt("&Finish"));
    wizard->setButtonText(QWizard::CancelButton, qt("Cancel"));
    wizard->setButtonText(QWizard::HelpButton, mac ? qt("Help") : qt("&Help"));
}

} // namespace cpn
