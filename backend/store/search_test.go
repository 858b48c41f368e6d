package store

import (
	"context"
	"testing"

	"chibo/backend/domain"
)

func TestSearchUnitsWithOrWithoutDiacritics(t *testing.T) {
	st, f := newTestStore(t)
	ctx := context.Background()
	closed := mustUnit(t, st, domain.Unit{Kind: domain.KindSubordinateCell, ParentID: f.committee, Name: "Chi bộ Đồng Tâm"})
	_, err := st.CloseUnit(ctx, closed.ID, "2025-01-01")
	must(t, err)
	tests := []struct {
		query string
		want  []string
	}{
		{"dong huong", []string{"Đảng bộ xã Đồng Hướng"}},
		{"ĐỒNG HƯỚNG", []string{"Đảng bộ xã Đồng Hướng"}},
		{"xom 1", []string{"Chi bộ Xóm 1"}},
		{"dong", []string{"Đảng bộ xã Đồng Hướng", "Chi bộ Đồng Tâm"}}, // active first, closed last
		{"khong co", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			hits, err := st.SearchUnits(ctx, tt.query, 0)
			must(t, err)
			var got []string
			for _, h := range hits {
				got = append(got, h.Name)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("SearchUnits(%q) = %v, want %v", tt.query, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("SearchUnits(%q) = %v, want %v", tt.query, got, tt.want)
				}
			}
		})
	}
	hits, err := st.SearchUnits(ctx, "xom 1", 0)
	must(t, err)
	if hits[0].Path != "Đảng bộ huyện Kim Sơn › Đảng bộ xã Đồng Hướng" {
		t.Errorf("path = %q", hits[0].Path)
	}
}
