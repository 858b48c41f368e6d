package documents

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"chibo/backend/domain"
)

// The WordprocessingML sequences (ECMA-376 part 1) of the elements the writer emits,
// as far as it uses them: Word refuses a file whose children break the order, where
// LibreOffice would still open it.
var wmlOrder = map[string][]string{
	"rPr": {"rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow", "emboss", "imprint",
		"noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
		"bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"},
	"pPr": {"pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr", "suppressLineNumbers", "pBdr", "shd",
		"tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi",
		"adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
		"textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"},
	"sectPr": {"headerReference|footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc", "pgBorders", "lnNumType",
		"pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid"},
	"tblPr": {"tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing",
		"tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook"},
	"tcPr":       {"cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark"},
	"tblBorders": {"top", "left", "bottom", "right", "insideH", "insideV"},
	"pBdr":       {"top", "left", "bottom", "right", "between", "bar"},
	"tbl":        {"tblPr", "tblGrid", "tr"},
	"tr":         {"tblPrEx", "trPr", "tc"},
	"tc":         {"tcPr", "p|tbl"},
	"p":          {"pPr", "r|fldSimple|hyperlink"},
	"r":          {"rPr", "t|br|tab|fldChar|instrText"},
	"body":       {"p|tbl", "sectPr"},
	"settings": {"writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime", "doNotDisplayPageBoundaries",
		"displayBackgroundShape", "printPostScriptOverText", "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts",
		"embedSystemFonts", "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges", "bordersDoNotSurroundHeader",
		"bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle", "proofState",
		"formsDesign", "attachedTemplate", "linkStyles", "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge",
		"revisionView", "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting", "documentProtection", "autoFormatOverride",
		"styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation", "consecutiveHyphenLimit", "hyphenationZone",
		"doNotHyphenateCaps", "showEnvelope", "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders",
		"bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets", "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
		"displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery", "doNotUseMarginsForDrawingGridOrigin",
		"drawingGridHorizontalOrigin", "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
		"characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars", "noLineBreaksAfter", "noLineBreaksBefore",
		"savePreviewPicture", "doNotValidateAgainstSchema", "saveInvalidXml", "ignoreMixedContent", "alwaysShowPlaceholderText",
		"doNotDemarcateInvalidXml", "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags",
		"alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids",
		"mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
		"forceUpgrade", "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
		"decimalSymbol", "listSeparator"},
}

// checkWMLOrder reports every element whose children break its sequence.
func checkWMLOrder(t *testing.T, name string, data []byte) {
	t.Helper()
	rank := func(parent, child string) int {
		for i, alts := range wmlOrder[parent] {
			for _, a := range strings.Split(alts, "|") {
				if a == child {
					return i
				}
			}
		}
		return -1
	}
	type frame struct {
		name string
		last int
	}
	var stack []frame
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if n := len(stack); n > 0 {
				p := &stack[n-1]
				if _, checked := wmlOrder[p.name]; checked {
					r := rank(p.name, e.Name.Local)
					switch {
					case r < 0:
						t.Errorf("%s: <%s> is not a child %s knows", name, e.Name.Local, p.name)
					case r < p.last:
						t.Errorf("%s: <%s> comes after a later child of <%s>", name, e.Name.Local, p.name)
					default:
						p.last = r
					}
				}
			}
			stack = append(stack, frame{name: e.Name.Local})
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
}

// Every paper's DOCX keeps the schema's element order, in every part.
func TestEveryDOCXKeepsTheSchemaOrder(t *testing.T) {
	docs := map[string]Doc{
		"letter":         LetterDoc(sampleLetter()),
		"report":         ReportDoc(sampleReport()),
		"notice":         NoticeDoc(NoticePaper{Header: KimSonHeader(), Notice: domain.Notice{Month: "2018-06", Assessment: "Tốt."}}),
		"periodic":       PeriodicDoc(PeriodicPaper{Header: KimSonHeader(), Overview: domain.Overview{Period: domain.Period{Kind: domain.PeriodYear, Year: 2018}, Label: "năm 2018", ScoringMonth: "2018-12"}}),
		"schedule":       ScheduleDoc(SchedulePaper{Commune: "Đồng Hướng", Month: "2018-06", Lines: []ScheduleLine{{Cell: "Chi bộ Xóm 1"}}}),
		"classification": ClassificationDoc(ClassificationPaper{Header: KimSonHeader(), Report: sampleYear(3)}),
	}
	for name, d := range docs {
		b, err := DOCX(d)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			if !strings.HasSuffix(f.Name, ".xml") || !strings.HasPrefix(f.Name, "word/") {
				continue
			}
			rc, _ := f.Open()
			data, _ := io.ReadAll(rc)
			rc.Close()
			checkWMLOrder(t, name+" "+f.Name, data)
		}
	}
}
