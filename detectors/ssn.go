package detectors

// SSN returns the US_SSN detector. It finds US Social Security numbers
// written "123-45-6789" or "123 45 6789", or as nine bare digits right after
// a cue ("SSN", "social security"), whose area is not 000, 666 or 900-999,
// group not 00 and serial not 0000. Value is the nine digits.
//
// The dashed form is validated on its structure alone; the spaced form is
// validated after a cue and otherwise reported with low confidence; bare
// digits need the cue. 078-05-1120, the number printed on the sample card
// sold in Woolworth wallets in 1938 and voided by the SSA, identifies no one
// and is not reported; nor is 123-45-6789 without a cue, the example forms
// print. Phone numbers (3-3-4) and ZIP+4 codes (5-4) have other
// groupings and are not matched. The detector is safe for concurrent use.
func SSN() Detector {
	return Detector{
		Name:    "us-ssn",
		Kind:    KindUSSSN,
		Trigger: Trigger{All: ClassDigit, MinLen: 3, MinDigits: 9, Not: identifierShapes},
		Find:    findSSN,
	}
}

// ssnCues are words that announce a Social Security number.
var ssnCues = newCueSet([]cueWord{
	{"ssn", false}, {"ssns", false}, {"ss", false}, {"social", false},
	{"security", false}, {"seguro", false},
})

func findSSN(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	resume := tok.End
	var r numRun
	for i := tok.Start; i < tok.End; {
		s := nextNumber(text, i, tok.End)
		if s < 0 {
			break
		}
		if k := countDigits(text, s); k != 3 && k != 9 {
			i = s + k + 1
			continue
		}
		scanRun(&r, text, s)
		i = max(s+1, r.gend[max(r.ng-1, 0)])
		if !r.clean || r.lead != 0 || r.paren {
			continue
		}
		for g := min(r.ng, 3) - 1; g >= 0; g-- {
			c, ok := r.cut(text, g)
			if !ok || c.n != 9 {
				continue
			}
			if f, ok := matchSSN(&c, in); ok {
				dst = append(dst, f)
				resume, i = max(resume, c.end), max(i, c.end)
				break
			}
		}
	}
	return dst, resume
}

// matchSSN checks a nine-digit cut's grouping and number ranges.
func matchSSN(c *numCut, in Input) (Finding, bool) {
	r := c.r
	dashed, spaced := false, false
	switch c.ng {
	case 1:
	case 3:
		if r.groups[0] != 3 || r.groups[1] != 2 || r.sep[1] != r.sep[2] {
			return Finding{}, false
		}
		dashed, spaced = r.sep[1] == '-', r.sep[1] == ' '
		if !dashed && !spaced {
			return Finding{}, false
		}
	default:
		return Finding{}, false
	}
	d := c.digits()
	if !validSSNDigits(d) {
		return Finding{}, false
	}
	cued := cueBefore(in.Text, r.start, ssnCues)
	if !cued && (string(d) == "123456789" || string(d) == "987654321") {
		return Finding{}, false // the format's stock example: "9 digits, like 123-45-6789"
	}
	f := Finding{
		Kind: KindUSSSN, Start: r.start, End: c.end, Rule: "us-ssn",
		Confidence: 0.95, Validated: true,
	}
	switch {
	case cued:
		f.Confidence = 0.99
	case spaced:
		f.Confidence, f.Validated = 0.75, false
	case !dashed:
		return Finding{}, false // bare digits need a cue
	}
	f.Value = append([]byte(nil), d...)
	return f, true
}

// validSSNDigits reports whether nine digits may be an issued SSN: area not
// 000, 666 or 900-999, group not 00, serial not 0000, and not the voided
// Woolworth sample 078-05-1120. Spoken digits share it.
func validSSNDigits(d []byte) bool {
	if len(d) != 9 {
		return false
	}
	area, group, serial := prefixInt(d, 3), prefixInt(d[3:], 2), prefixInt(d[5:], 4)
	return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0 &&
		!(area == 78 && group == 5 && serial == 1120)
}

// hasSSNCue reports whether an SSN cue word ("ssn", "social security" …)
// comes shortly before text[pos]. Spoken digits share it.
func hasSSNCue(text []byte, pos int) bool { return cueBefore(text, pos, ssnCues) }
