// Column widths of the station's report lists.
#pragma once

class wxListCtrl;

namespace salon::ui {

// Makes every column as wide as its header and its widest text in the current language (Russian headers
// and statuses are longer than English ones), plus a little air.
void fit_columns(wxListCtrl* list);

}  // namespace salon::ui
