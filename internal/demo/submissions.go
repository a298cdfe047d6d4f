package demo

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"

	"wenming/internal/domain"
	"wenming/internal/files"
	"wenming/internal/submission"
)

// LoadSubmissions generates the evidence requirements of a framework and
// fills the current period for some units, so every state shows: approved
// (达标, 基本达标), waiting for review, returned, draft and missing. The
// laggard's requirements stay empty for a person to try.
func LoadSubmissions(ctx context.Context, subs *submission.Service, evidence *files.Service, frameworkID int64) error {
	actor := domain.System("演示数据", domain.RoleOfficeLeader)
	if _, err := subs.Generate(ctx, actor, frameworkID); err != nil {
		return err
	}
	reqs, err := subs.Requirements(ctx, actor, submission.RequirementFilter{FrameworkID: frameworkID})
	if err != nil {
		return err
	}
	todo := 0
	for i, r := range reqs {
		if r.UnitName == laggard || todo >= 60 || i%3 != 0 {
			continue
		}
		todo++
		if err := fillRequirement(ctx, subs, evidence, r, todo%6); err != nil {
			return fmt.Errorf("demo submission %s %s: %w", r.StandardCode, r.UnitName, err)
		}
	}
	return nil
}

func fillRequirement(ctx context.Context, subs *submission.Service, evidence *files.Service, r submission.Requirement, kind int) error {
	actor := domain.System("演示数据", domain.RoleOfficeLeader)
	if kind == 5 {
		return nil // missing
	}
	doc, err := evidence.Upload(ctx, actor, r.StandardCode+" 工作台账.pdf", bytes.NewReader(demoPDF(r.StandardCode)))
	if err != nil {
		return err
	}
	photo, err := evidence.Upload(ctx, actor, r.StandardCode+" 现场照片.png", bytes.NewReader(demoPNG(len(r.StandardCode)+kind)))
	if err != nil {
		return err
	}
	period := submission.CurrentPeriod(subs, r.Cadence)
	sub, err := subs.CreateDraft(ctx, actor, r.ID, submission.Draft{Period: period, Note: r.UnitName + "本期工作台账与现场照片", FileIDs: []int64{doc.ID, photo.ID}})
	if err != nil || kind == 4 {
		return err // a draft stays a draft
	}
	if _, err := subs.Submit(ctx, actor, sub.ID); err != nil || kind == 2 {
		return err // waiting for review
	}
	review := map[int]submission.Review{
		0: {Decision: "approve", Grade: "met", Comment: "材料齐全，图片清晰"},
		1: {Decision: "approve", Grade: "basic", Comment: "台账不够完整"},
		3: {Decision: "return", Comment: "缺少活动现场照片的时间地点说明，请补充后重新报送"},
	}[kind]
	_, err = subs.ReviewSubmission(ctx, actor, sub.ID, review)
	return err
}

// demoPDF is a small valid one-page PDF naming the standard.
func demoPDF(code string) []byte {
	text := "Evidence for standard " + code
	content := fmt.Sprintf("BT /F1 18 Tf 72 720 Td (%s) Tj ET", text)
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// demoPNG is a 480×320 picture of a street in flat colours.
func demoPNG(seed int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 480, 320))
	sky := color.RGBA{150, 200, 240, 255}
	road := color.RGBA{90, 90, 100, 255}
	for y := 0; y < 320; y++ {
		for x := 0; x < 480; x++ {
			c := sky
			if y > 200 {
				c = road
			} else if x%120 < 60+seed%40 && y > 80 {
				c = color.RGBA{200, 120, 90, 255}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}
