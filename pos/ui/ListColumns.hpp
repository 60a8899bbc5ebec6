// Column widths of the station's report lists.
#pragma once

class wxListCtrl;

namespace salon::ui {

// Makes every column as wide as its header and its widest text in the current language (Russian headers
// and statuses are longer than English ones), plus a little air.
// With `give_way` a column index: that column then takes what the list's width leaves (shrinking a long
// name rather than pushing the amounts out of sight, or filling the space there is).
void fit_columns(wxListCtrl* list, int give_way = -1);
// Keeps `column` (the text one: an item's name, a person) as wide as the list leaves after the others, so
// the amounts to its right stay in sight in a narrow window (1024 px wide) and fill a wide one.
void stretch_column(wxListCtrl* list, int column);

}  // namespace salon::ui
