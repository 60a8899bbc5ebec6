// An A4 PDF written with cairo and pango (Cyrillic set by the system's fonts): text that wraps, pages that
// follow when the next block does not fit, and a bar chart. Shared by the statement's and the norms' exports.
#pragma once

#include <cairo.h>

#include <string>
#include <vector>

namespace salon::reports {

class PdfDocument {
public:
    static constexpr double kWidth = 595.28, kHeight = 841.89, kMargin = 42;  // A4 in points

    // InputError("out") when the file cannot be created.
    explicit PdfDocument(const std::string& path);
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    // Draws `text` at (x, y) in `width` points (0: unwrapped); returns its height.
    double text(const std::string& text, double x, double y, double size, bool bold = false, double width = 0,
                bool right = false);
    // Starts a new page unless `need` points still fit below y.
    void need(double points);
    void rule();  // a line across the page at y
    double content_width() const { return kWidth - 2 * kMargin; }

    struct Bar {
        std::string label, value_text;
        double value = 0;
    };
    // A titled bar chart `height` points high at y (then below it); `reference` >= 0 draws a dashed line at that
    // value named `reference_text` (a norm's threshold).
    void bar_chart(const std::string& title, const std::vector<Bar>& bars, double height, double reference = -1,
                   const std::string& reference_text = {});

    // Finishes the file; InputError("out") when it could not be written.
    void finish();

    cairo_t* cr() { return cr_; }
    double y = kMargin;

private:
    std::string path_;
    cairo_surface_t* surface_ = nullptr;
    cairo_t* cr_ = nullptr;
    bool finished_ = false;
};

}  // namespace salon::reports
