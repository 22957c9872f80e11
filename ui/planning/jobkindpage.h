#pragma once

#include "placement/workload.h"

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace cpn {

// The job itself: its name, its kind (training, fine-tuning, inference service, batch) and whether
// it may be split across nodes (inference and batch only; training never is).
class JobKindPage : public QWizardPage
{
    Q_OBJECT

public:
    JobKindPage(placement::Workload *draft, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *kindCombo() const { return m_kind; }
    QCheckBox *splitCheck() const { return m_split; }
    QSpinBox *maxNodes() const { return m_maxNodes; }

    static QString problemWith(const placement::Workload &workload);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void entriesChanged();

    placement::Workload *m_draft;
    bool m_loading = false;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QCheckBox *m_split;
    QSpinBox *m_maxNodes;
    QLabel *m_problem;
    QLabel *m_hint;
    QFormLayout *m_form;
};

} // namespace cpn
