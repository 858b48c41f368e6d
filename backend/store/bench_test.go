package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"chibo/backend/demo"
	"chibo/backend/store"
)

// demoDB writes the Kim Sơn example to a file once per benchmark.
func demoDB(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "demo.db")
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := st.ImportSnapshot(context.Background(), demo.KimSon2018()); err != nil {
		b.Fatal(err)
	}
	st.Close()
	return path
}

// BenchmarkOpenDemoStore is the app's start: open the file and check its migrations.
func BenchmarkOpenDemoStore(b *testing.B) {
	path := demoDB(b)
	for b.Loop() {
		st, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}

// BenchmarkListUnitsDemo loads the unit tree of the 539 demo units.
func BenchmarkListUnitsDemo(b *testing.B) {
	st, err := store.Open(demoDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	for b.Loop() {
		if _, err := st.ListUnits(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchKeystroke is one keystroke of a search over the demo units: the
// backend's SearchUnits, typed letter by letter ("d", "do", …, "dong huong").
func BenchmarkSearchKeystroke(b *testing.B) {
	st, err := store.Open(demoDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	query := "dong huong"
	i := 0
	for b.Loop() {
		i = i%len(query) + 1
		if _, err := st.SearchUnits(context.Background(), query[:i], 200); err != nil {
			b.Fatal(err)
		}
	}
}
