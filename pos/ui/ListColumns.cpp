#include "pos/ui/ListColumns.hpp"

#include <wx/listctrl.h>

#include <algorithm>

namespace salon::ui {

void fit_columns(wxListCtrl* list, int give_way) {
    for (int c = 0; c < list->GetColumnCount(); ++c) {
        list->SetColumnWidth(c, wxLIST_AUTOSIZE_USEHEADER);
        // GTK's header draws more padding than wx measures: without the extra a short heading is cut ("Кол-").
        const int header = list->GetColumnWidth(c) + list->FromDIP(8);
        int widest = header;
        if (list->GetItemCount() > 0) {
            list->SetColumnWidth(c, wxLIST_AUTOSIZE);
            widest = std::max(widest, list->GetColumnWidth(c));
        }
        list->SetColumnWidth(c, widest + list->FromDIP(8));
    }
    if (give_way < 0 || give_way >= list->GetColumnCount()) return;
    int others = 0;
    for (int c = 0; c < list->GetColumnCount(); ++c)
        if (c != give_way) others += list->GetColumnWidth(c);
    const int left = list->GetClientSize().GetWidth() - others;
    if (list->GetClientSize().GetWidth() > 0) list->SetColumnWidth(give_way, std::max(left, list->FromDIP(80)));
}

void stretch_column(wxListCtrl* list, int column) {
    const auto fit = [list, column] {
        int others = 0;
        for (int c = 0; c < list->GetColumnCount(); ++c)
            if (c != column) others += list->GetColumnWidth(c);
        const int width = list->GetClientSize().GetWidth() - others;
        if (width > 0) list->SetColumnWidth(column, std::max(width, list->FromDIP(80)));
    };
    list->Bind(wxEVT_SIZE, [list, fit](wxSizeEvent& e) {
        e.Skip();
        list->CallAfter(fit);  // after the list has its new size
    });
    fit();
}

}  // namespace salon::ui
