// salon-station: the workstation of a dealer's salon (see StationOptions.hpp for its command line).
// Exit codes: 0 normal end, 1 the database cannot be used, 2 usage error.
#include "pos/app/StationApp.hpp"
#include "pos/app/StationOptions.hpp"

#include <langinfo.h>
#include <clocale>
#include <cstdlib>
#include <cstring>

int main(int argc, char** argv) {
    salon::app::StationOptions options;
    if (auto rc = salon::app::parse_station_options(argc, argv, options)) return *rc;
    // The station draws nothing with OpenGL, yet GDK would load the GL driver just to pick an X visual
    // (Mesa's software one brings LLVM: about 50 MB and 100 ms at start). GDK_GL set by the user wins.
    setenv("GDK_GL", "disable", 0);
    // wx leaves the C locale in place, in which GTK cannot encode a Cyrillic (or dashed) title into the
    // window's WM_NAME, and tools that read it (xdotool, some window lists) see no title. Only LC_CTYPE:
    // numbers keep the C format.
    const char* ctype = std::setlocale(LC_CTYPE, "");
    if (ctype == nullptr || std::strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
        std::setlocale(LC_CTYPE, "C.UTF-8");
    // wx gets only the program name: the options are ours and were handled above.
    wxApp::SetInstance(new salon::app::StationApp(std::move(options)));
    int wx_argc = 1;
    return wxEntry(wx_argc, argv);
}
