#pragma once

#include <QFormLayout>
#include <QLabel>
#include <QString>

namespace cpn {

// Adds a row of field with a label whose text the owner's retranslate() sets (setFormLabel): the label
// is the field's buddy, as addRow(text, field) makes it (which makes none for an empty text).
inline QLabel *addFormRow(QFormLayout *form, QWidget *field)
{
    auto *label = new QLabel(field->parentWidget());
    label->setBuddy(field);
    form->addRow(label, field);
    return label;
}

// Sets the text of the label a QFormLayout made for a field (addRow(text, field)): a form's labels
// are set again, in the new language, by the retranslate() of the widget that owns the form.
inline void setFormLabel(QFormLayout *form, QWidget *field, const QString &text)
{
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(field)))
        label->setText(text);
}

} // namespace cpn
