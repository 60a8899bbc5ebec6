// A report list whose rows stay in the page's own vector: it draws only the rows on screen, so a batch
// of 100 000 scanned cards or a long stock list costs nothing to show.
#pragma once

#include <wx/listctrl.h>

#include <functional>
#include <vector>

namespace salon::ui {

class VirtualList : public wxListCtrl {
public:
    using CellText = std::function<wxString(long row, long column)>;
    using RowIsError = std::function<bool(long row)>;

    // `style` adds to wxLC_REPORT | wxLC_VIRTUAL (e.g. wxLC_SINGLE_SEL).
    VirtualList(wxWindow* parent, CellText cell, RowIsError is_error = {}, long style = 0);

    // Shows `count` rows read afresh through the callbacks; the selection is cleared.
    void show_rows(long count);
    // Each column as wide as its header and the widest of the first rows (at most `sample` of them).
    void fit_columns(long sample = 300);
    std::vector<long> selected_rows() const;
    void select_only(long row);

private:
    wxString OnGetItemText(long item, long column) const override;
    wxItemAttr* OnGetItemAttr(long item) const override;

    CellText cell_;
    RowIsError is_error_;
    mutable wxItemAttr error_attr_;
};

}  // namespace salon::ui
