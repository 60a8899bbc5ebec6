#include "pos/ui/ListColumns.hpp"

#include <wx/listctrl.h>

#include <algorithm>

namespace salon::ui {

void fit_columns(wxListCtrl* list) {
    for (int c = 0; c < list->GetColumnCount(); ++c) {
        list->SetColumnWidth(c, wxLIST_AUTOSIZE_USEHEADER);
        const int header = list->GetColumnWidth(c);
        int widest = header;
        if (list->GetItemCount() > 0) {
            list->SetColumnWidth(c, wxLIST_AUTOSIZE);
            widest = std::max(widest, list->GetColumnWidth(c));
        }
        list->SetColumnWidth(c, widest + list->FromDIP(8));
    }
}

}  // namespace salon::ui
