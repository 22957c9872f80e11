#pragma once

#include "domain/registration.h"

#include <QDialog>
#include <QPointer>
#include <QTimer>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace cpn {
class RegistrationTableModel;
namespace api {
class NodeApiClient;
}

// Identifier Management (标识管理): a root's identifier registry. Pending applications to approve or
// reject with a reason; the registry of identifiers with their state, to suspend, reinstate or revoke;
// the selected registration's audit trail; and an identifier field that explains a typo (which part is
// wrong, what the check character should be, which registered identifier is one slip away) instead of
// only refusing it. Every decision is the node's: the window shows what the registry answers.
class IdentifierManagementWindow : public QDialog
{
    Q_OBJECT

public:
    struct Root
    {
        QString label;
        QPointer<api::NodeApiClient> client;
    };
    static constexpr int kRefreshMs = 15000;

    // `roots` lists the connected roots when the window opens and on Refresh.
    explicit IdentifierManagementWindow(std::function<QList<Root>()> roots, QWidget *parent = nullptr);

    RegistrationTableModel *model() const { return m_model; }
    QTableView *applicationsView() const { return m_applications; }
    QTableView *registryView() const { return m_registry; }
    QTreeWidget *historyView() const { return m_history; }
    QLineEdit *identifierField() const { return m_identifier; }
    QLabel *identifierVerdict() const { return m_verdict; }
    QTabWidget *tabs() const { return m_tabs; }
    QLabel *statusLabel() const { return m_status; }

    // Asks the selected root for its registrations now.
    void refresh();
    // Sends a decision on the selected registration; `reason` as given (the dialog asks for it).
    void decide(const QString &decision, const QString &reason);
    // The registration selected in the tab shown.
    const Registration *selected() const;

Q_SIGNALS:
    // After every answer of the registry (tests wait for it).
    void refreshed();
    void decided(const cpn::Registration &registration);
    void failed(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fillRoots();
    api::NodeApiClient *client() const;
    void explainIdentifier();
    void showHistory();
    void updateActions();
    void askAndDecide(const QString &decision);
    void setStatus(const QString &text, bool problem);
    QTableView *makeTable(QSortFilterProxyModel *proxy);

    std::function<QList<Root>()> m_roots;
    QList<Root> m_rootList;
    RegistrationTableModel *m_model;
    QSortFilterProxyModel *m_pendingProxy;
    QSortFilterProxyModel *m_registryProxy;
    QComboBox *m_rootBox;
    QComboBox *m_stateFilter;
    QLineEdit *m_identifier;
    QLabel *m_verdict;
    QTabWidget *m_tabs;
    QTableView *m_applications;
    QTableView *m_registry;
    QTreeWidget *m_history;
    QLabel *m_status;
    QPushButton *m_approve;
    QPushButton *m_reject;
    QPushButton *m_suspend;
    QPushButton *m_reinstate;
    QPushButton *m_revoke;
    QLabel *m_rootLabel;
    QLabel *m_identifierLabel;
    QLabel *m_filterLabel;
    QLabel *m_historyLabel;
    QPushButton *m_refreshButton;
    int m_pendingCount = -1; // of the last answer; -1 before the first
    QTimer m_refreshTimer;
    quint64 m_generation = 0; // answers for a root no longer chosen are dropped
    bool m_busy = false;
};

} // namespace cpn
