package textutil

import (
	"slices"
	"strings"
	"testing"
)

func TestFoldMatchesWithOrWithoutDiacritics(t *testing.T) {
	tests := []struct {
		text, query string
		want        bool
	}{
		{"Đồng Hướng", "dong huong", true},
		{"Đồng Hướng", "Đồng", true},
		{"Đồng Hướng", "d", true},
		{"Kim Sơn", "kim son", true},
		{"Kim Sơn", "KIM   SƠN", true},
		{"Chi bộ Xóm 3, Kim Định", "xom 3 kim dinh", true},
		{"Ân Hòa", "an hoa", true},
		{"Ân Hòa", "hoa an", true}, // words in any order
		{"Ân Hòa", "an hoi", false},
		{"Kim Sơn", "", true},
		{"Yên Mật", "yen mat x", false},
	}
	for _, tt := range tests {
		t.Run(tt.text+"/"+tt.query, func(t *testing.T) {
			if got := Matches(tt.text, tt.query); got != tt.want {
				t.Errorf("Matches(%q, %q) = %v, want %v", tt.text, tt.query, got, tt.want)
			}
		})
	}
}

func TestFoldTreatsNFDLikeNFC(t *testing.T) {
	nfd := "Đo\u0302\u0300ng Hu\u031bo\u031b\u0301ng" // decomposed Đồng Hướng
	if Fold(nfd) != Fold("Đồng Hướng") {
		t.Errorf("Fold(NFD) = %q, Fold(NFC) = %q", Fold(nfd), Fold("Đồng Hướng"))
	}
	if NFC(nfd) != "Đồng Hướng" {
		t.Errorf("NFC(%q) = %q", nfd, NFC(nfd))
	}
}

func TestSortVietnameseOrder(t *testing.T) {
	got := []string{"Đồng Hướng", "Ân Hòa", "Bình Minh", "Dân Chủ", "An Lạc", "Ăn Uống", "Ơ", "Ô", "O", "Ư", "U"}
	SortStrings(got)
	want := []string{"An Lạc", "Ăn Uống", "Ân Hòa", "Bình Minh", "Dân Chủ", "Đồng Hướng", "O", "Ô", "Ơ", "U", "Ư"}
	if !slices.Equal(got, want) {
		t.Errorf("sorted = %v\nwant    %v", got, want)
	}
}

func TestSortKeyOrdersLikeCompare(t *testing.T) {
	names := []string{"Đồng Hướng", "Ân Hòa", "Bình Minh", "Dân Chủ", "An Lạc", "Ăn Uống", "Ơ", "Ô", "O", "Ư", "U", "Kim Định", "Kim Đông"}
	for _, a := range names {
		for _, b := range names {
			ka, kb := SortKey(a), SortKey(b)
			if sign(bytesCompare(ka, kb)) != sign(Compare(a, b)) {
				t.Errorf("key order of %q, %q differs from Compare", a, b)
			}
		}
	}
}

func sign(x int) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}

func bytesCompare(a, b []byte) int { return strings.Compare(string(a), string(b)) }

func TestNumbersInNamesSortByValue(t *testing.T) {
	got := []string{"Chi bộ Xóm 10", "Chi bộ Xóm 2", "Chi bộ Xóm 11", "Chi bộ Xóm 1", "Chi bộ Đông", "Chi bộ Ấp 3"}
	SortStrings(got)
	want := []string{"Chi bộ Ấp 3", "Chi bộ Đông", "Chi bộ Xóm 1", "Chi bộ Xóm 2", "Chi bộ Xóm 10", "Chi bộ Xóm 11"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order %q, want %q", got, want)
		}
	}
	if a, b := SortKey("Xóm 2"), SortKey("Xóm 10"); string(a) >= string(b) {
		t.Errorf("sort keys put Xóm 10 before Xóm 2")
	}
}
