package ranking

import (
	"strings"
	"testing"

	"wenming/internal/domain"
)

// A deployer who points at a font that is not there is told which setting
// to fix, in Chinese, and Excel and Word still work.
func TestMissingPDFFontIsExplained(t *testing.T) {
	_, err := findFont("/no/such/font.ttf")
	de, ok := domain.AsError(err)
	if !ok || !strings.Contains(de.Message, "WENMING_PDF_FONT") || !strings.Contains(de.Message, "不存在") {
		t.Fatalf("missing configured font: %v", err)
	}
	saved := fontCandidates
	defer func() { fontCandidates = saved }()
	fontCandidates = []string{"/no/such/droid.ttf"}
	_, err = findFont("")
	de, ok = domain.AsError(err)
	if !ok || !strings.Contains(de.Message, "fonts-droid-fallback") || !strings.Contains(de.Message, "Excel 与 Word") {
		t.Fatalf("no font anywhere: %v", err)
	}
}
