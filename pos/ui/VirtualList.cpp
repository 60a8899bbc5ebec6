#include "pos/ui/VirtualList.hpp"

#include "pos/ui/FormFields.hpp"

#include <algorithm>

namespace salon::ui {

VirtualList::VirtualList(wxWindow* parent, CellText cell, RowIsError is_error, long style)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                 wxLC_REPORT | wxLC_VIRTUAL | wxBORDER_THEME | style),
      cell_(std::move(cell)),
      is_error_(std::move(is_error)) {
    error_attr_.SetTextColour(error_colour());
}

void VirtualList::show_rows(long count) {
    for (long row : selected_rows()) SetItemState(row, 0, wxLIST_STATE_SELECTED);
    SetItemCount(count);
    Refresh();
}

void VirtualList::fit_columns(long sample) {
    const long rows = std::min(static_cast<long>(GetItemCount()), sample);
    // The cell's padding as GTK draws it, and the header's sort arrow space.
    const int padding = FromDIP(24);
    for (int c = 0; c < GetColumnCount(); ++c) {
        wxListItem header;
        header.SetMask(wxLIST_MASK_TEXT);
        GetColumn(c, header);
        int width = GetTextExtent(header.GetText()).GetWidth();
        for (long r = 0; r < rows; ++r) width = std::max(width, GetTextExtent(cell_(r, c)).GetWidth());
        SetColumnWidth(c, width + padding);
    }
}

std::vector<long> VirtualList::selected_rows() const {
    std::vector<long> rows;
    for (long i = GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); i != -1;
         i = GetNextItem(i, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED))
        rows.push_back(i);
    return rows;
}

void VirtualList::select_only(long row) {
    for (long r : selected_rows()) SetItemState(r, 0, wxLIST_STATE_SELECTED);
    if (row < 0 || row >= GetItemCount()) return;
    SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                 wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    EnsureVisible(row);
}

wxString VirtualList::OnGetItemText(long item, long column) const { return cell_(item, column); }

wxItemAttr* VirtualList::OnGetItemAttr(long item) const {
    return is_error_ && is_error_(item) ? &error_attr_ : nullptr;
}

}  // namespace salon::ui
