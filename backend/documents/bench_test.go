package documents

import "testing"

func BenchmarkLetterPDF(b *testing.B) {
	for b.Loop() {
		if _, err := LetterPDF(sampleLetter()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLetterDOCX(b *testing.B) {
	for b.Loop() {
		if _, err := LetterDOCX(sampleLetter()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReportDOCX(b *testing.B) {
	for b.Loop() {
		if _, err := ReportDOCX(sampleReport()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReportPDF(b *testing.B) {
	for b.Loop() {
		if _, err := ReportPDF(sampleReport()); err != nil {
			b.Fatal(err)
		}
	}
}
