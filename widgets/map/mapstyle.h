#pragma once

#include "domain/enums.h"
#include "state/displaystatus.h"

#include <QColor>
#include <QString>
#include <QList>

// The map's palette and symbol sizes in one place, so the renderer, the legend and the tests agree.
// Designed for the dark control-room theme (ui/theme, resources/styles/dark.qss): deep slate sea,
// slightly lifted land, signal colours kept for status and load.
namespace cpn::map::style {

inline const QColor kSea{0x08, 0x0e, 0x15};
inline const QColor kLand{0x16, 0x20, 0x2b};
inline const QColor kProvinceEdge{0x3a, 0x4f, 0x66};
inline const QColor kCoast{0x5a, 0x7a, 0x99};
inline const QColor kGraticule{0x15, 0x21, 0x2e};
inline const QColor kPanel{0x0e, 0x15, 0x1d, 0xe6};
inline const QColor kPanelBorder{0x2a, 0x3a, 0x4c};
inline const QColor kText{0xd6, 0xde, 0xe8};
inline const QColor kMutedText{0x8f, 0xa1, 0xb5};
inline const QColor kAccent{0x3f, 0xa7, 0xd6};
inline const QColor kSelection{0x5f, 0xd0, 0xff};

// The mark at the centre of every node symbol says its tier; the body's colour says its status.
// A share as the map's cards and panels write it: "42 %".
QString percentText(double fraction);

QColor tierColor(NodeTier tier);
QColor statusColor(DisplayStatus status);
// Links: calm blue when idle, through teal and green to amber and red when saturated.
QColor linkColor(double utilization);
inline const QColor kLinkUnreported{0x4a, 0x58, 0x68};
// Links are drawn in this many load colours (one pen each); linkColorStep() picks a link's.
inline constexpr int kLinkColorSteps = 12;
int linkColorStep(double utilization);
// Province shading ramps for the aggregates; t in [0, 1].
QColor shadeLoad(double t);
QColor shadeSupply(double t);
QColor shadePrice(double t);

// Link pen widths in logical pixels by capacity class (see linkWidthClass).
int linkWidthClass(double capacityGbps);
double linkWidth(int widthClass);
inline constexpr int kLinkWidthClasses = 3;
// Gbps at which each width class starts (for the legend).
QList<double> linkWidthThresholds();

// Radius of a node symbol's body in logical pixels.
double symbolRadius(NodeRole role);

} // namespace cpn::map::style
