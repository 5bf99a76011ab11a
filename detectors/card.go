package detectors

// Card returns the CREDIT_CARD detector. It finds payment card numbers of 13
// to 19 digits, written bare or in the usual groups separated by spaces or
// dashes ("4111 1111 1111 1111", "3782-822463-10005"), that pass the Luhn
// check and fall in the issuer (IIN) ranges of Visa, Mastercard (51-55 and
// 2221-2720), American Express, Discover, JCB, Diners Club, UnionPay,
// Maestro and Mir, at the lengths each issues. Value is the digits.
//
// Luhn-valid numbers outside these ranges (order numbers, IMEIs, ids) and
// in-range numbers failing Luhn are not reported. The detector is safe for
// concurrent use.
func Card() Detector {
	return Detector{
		Name: "credit-card",
		Kind: KindCreditCard,
		// 12, not 13: the engine stops counting at a last group glued to an
		// escaped line break ("… 1111\nExp"), which findCard reads.
		Trigger: Trigger{All: ClassDigit, MinLen: 4, MinDigits: 12, Not: identifierShapes},
		Find:    findCard,
	}
}

func findCard(dst []Finding, in Input, tok Token) ([]Finding, int) {
	text := in.Text
	resume := tok.End
	var r numRun
	for i := tok.Start; i < tok.End; {
		s := nextNumber(text, i, tok.End)
		if s < 0 {
			break
		}
		// Every grouping starts with four digits or more, and every issuer
		// with 2 to 6.
		if countDigits(text, s) < 4 || text[s] < '2' || text[s] > '6' {
			i = s + countDigits(text, s) + 1
			continue
		}
		scanRun(&r, text, s)
		i = max(s+1, r.gend[max(r.ng-1, 0)])
		if !r.clean || r.lead != 0 || r.paren || r.n < 13 && r.ng == 1 {
			continue
		}
		for g := r.ng - 1; g >= 0; g-- {
			c, ok := r.cut(text, g)
			if !ok || c.n < 13 || c.n > 19 || !cardGrouping(&c) {
				continue
			}
			d := c.digits()
			if !luhnValid(d) || cardNetwork(d) == "" {
				continue
			}
			dst = append(dst, Finding{
				Kind: KindCreditCard, Start: r.start, End: c.end,
				Confidence: 0.99, Validated: true, Rule: "credit-card",
				Value: append([]byte(nil), d...),
			})
			resume, i = max(resume, c.end), max(i, c.end)
			break
		}
	}
	return dst, resume
}

// cardGrouping reports whether the cut is written as cards are: bare, or in
// groups separated throughout by spaces or throughout by dashes: 4-4-4-4
// (and a last group of 1 to 4 for other lengths), Amex and Diners 4-6-5 and
// 4-6-4, 19 digits also 6-13 or 5-5-5-4.
func cardGrouping(c *numCut) bool {
	if c.ng == 1 {
		return true
	}
	r := c.r
	seps := c.seps()
	if seps != sepSpace && seps != sepDash {
		return false
	}
	g := r.groups[:c.ng]
	switch {
	case c.ng == 3 && g[0] == 4 && g[1] == 6 && (g[2] == 5 || g[2] == 4):
		return true
	case c.ng == 2 && g[0] == 6 && g[1] == 13:
		return true
	case c.ng == 4 && g[0] == 5 && g[1] == 5 && g[2] == 5 && g[3] == 4:
		return true
	}
	for _, n := range g[:c.ng-1] {
		if n != 4 {
			return false
		}
	}
	return g[c.ng-1] >= 1 && g[c.ng-1] <= 4
}

// cardNetwork returns the network whose IIN range and lengths the card
// number d belongs to, or "" if none.
func cardNetwork(d []byte) string {
	n := len(d)
	p2 := prefixInt(d, 2)
	p3 := prefixInt(d, 3)
	p4 := prefixInt(d, 4)
	p6 := prefixInt(d, 6)
	switch {
	case d[0] == '4':
		if n == 13 || n == 16 || n == 19 {
			return "visa"
		}
	case p2 >= 51 && p2 <= 55 || p4 >= 2221 && p4 <= 2720:
		if n == 16 {
			return "mastercard"
		}
	case p2 == 34 || p2 == 37:
		if n == 15 {
			return "amex"
		}
	case p4 >= 2200 && p4 <= 2204:
		if n == 16 {
			return "mir"
		}
	case p4 == 6011 || p3 >= 644 && p3 <= 649 || p2 == 65 || p6 >= 622126 && p6 <= 622925:
		if n >= 16 {
			return "discover"
		}
	case p4 >= 3528 && p4 <= 3589:
		if n >= 16 {
			return "jcb"
		}
	case p3 >= 300 && p3 <= 305 || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39:
		if n >= 14 {
			return "diners"
		}
	case p2 == 62:
		if n >= 16 {
			return "unionpay"
		}
	case p2 == 50 || p2 >= 56 && p2 <= 69:
		return "maestro" // 12 to 19 digits
	}
	return ""
}

// prefixInt returns the number formed by the first k digits of d.
func prefixInt(d []byte, k int) int {
	v := 0
	for _, c := range d[:k] {
		v = v*10 + int(c-'0')
	}
	return v
}
