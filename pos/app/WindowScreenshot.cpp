#include "pos/app/WindowScreenshot.hpp"

#include <wx/bitmap.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/image.h>
#include <wx/window.h>

namespace salon::app {

bool save_window_png(wxWindow* window, const std::string& path) {
    window->Update();
    // From the screen, not from a wxWindowDC: on GTK 3 that covers only the client area, without the
    // menu bar and the status bar.
    const wxRect rect = window->GetScreenRect();
    wxBitmap bitmap(rect.GetSize());
    {
        wxScreenDC source;
        wxMemoryDC target(bitmap);
        target.Blit(0, 0, rect.GetWidth(), rect.GetHeight(), &source, rect.GetX(), rect.GetY());
    }
    if (wxImage::FindHandler(wxBITMAP_TYPE_PNG) == nullptr) wxImage::AddHandler(new wxPNGHandler);
    return bitmap.SaveFile(wxString::FromUTF8(path), wxBITMAP_TYPE_PNG);
}

}  // namespace salon::app
