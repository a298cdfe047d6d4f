package config

import (
	"io"
	"testing"
)

// The public endpoints are limited unless the operator says otherwise.
func TestPublicLimitsByDefault(t *testing.T) {
	c, err := Load("serve", nil, env(nil), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.RateReports != 100 || c.RateTokens != 100 || c.RatePublic != 1200 || c.ReportPhotosMB != 30 || c.ReportPhotosMP != 150 || c.DecodeMPPerMinute != 1000 || c.WebhookAllow != "" {
		t.Fatalf("limits by default: %+v", c)
	}
	c, err = Load("serve", []string{"-rate-reports", "0", "-webhook-allow", "10.20.0.0/16"}, env(map[string]string{"WENMING_RATE_PUBLIC": "50"}), io.Discard)
	if err != nil || c.RateReports != 0 || c.RatePublic != 50 || c.WebhookAllow != "10.20.0.0/16" {
		t.Fatalf("limits set: %+v %v", c, err)
	}
}

func TestPublicLimitsOutOfRangeRefused(t *testing.T) {
	for name, e := range map[string]map[string]string{
		"negative rate":       {"WENMING_RATE_REPORTS": "-1"},
		"no photos at all":    {"WENMING_REPORT_PHOTOS_MB": "0"},
		"more than six files": {"WENMING_REPORT_PHOTOS_MB": "200"},
		"no pixels":           {"WENMING_REPORT_PHOTOS_MP": "0"},
		"negative budget":     {"WENMING_DECODE_MP_PER_MINUTE": "-5"},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := Load("serve", nil, env(e), io.Discard); err == nil {
				t.Fatal("accepted")
			}
		})
	}
}
