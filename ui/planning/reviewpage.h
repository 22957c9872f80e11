#pragma once

#include "placement/workload.h"

#include <QWizardPage>

class QCheckBox;
class QLabel;

namespace cpn {

class RankedOffersPage;

// The chosen proposal before it is sent: where each part runs, the estimated cost, when it should start
// and finish, and whether to reserve the units first (so a vanished offer is caught before any job is
// created).
class ReviewPage : public QWizardPage
{
    Q_OBJECT

public:
    ReviewPage(placement::Workload *draft, RankedOffersPage *offers, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    bool reserveFirst() const;
    QCheckBox *reserveCheck() const { return m_reserveFirst; }
    QLabel *summaryLabel() const { return m_summary; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    placement::Workload *m_draft;
    RankedOffersPage *m_offers;
    QLabel *m_summary;
    QCheckBox *m_reserveFirst;
};

} // namespace cpn
