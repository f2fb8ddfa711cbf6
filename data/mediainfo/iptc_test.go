package mediainfo

import (
	"encoding/binary"
	"slices"
	"testing"
)

// app13IPTC builds a Photoshop APP13 segment holding IPTC-IIM datasets of
// record 2 (dataset number → values), Latin-1 encoded like old writers do.
func app13IPTC(datasets [][2]any) []byte {
	var iim []byte
	for _, d := range datasets {
		v := []byte(d[1].(string))
		iim = append(iim, 0x1C, 2, byte(d[0].(int)))
		iim = binary.BigEndian.AppendUint16(iim, uint16(len(v)))
		iim = append(iim, v...)
	}
	res := append([]byte("8BIM\x04\x04\x00\x00"), binary.BigEndian.AppendUint32(nil, uint32(len(iim)))...)
	res = append(res, iim...)
	if len(iim)%2 == 1 {
		res = append(res, 0)
	}
	return segment(0xED, append([]byte("Photoshop 3.0\x00"), res...))
}

func TestReadIPTC(t *testing.T) {
	iptc := app13IPTC([][2]any{
		{5, "Sommerfest"}, {25, "Fest"}, {25, "B\xfcrger"}, {80, "J\xf6rg Schmidt"},
		{110, "Stadt / Presse"}, {116, "\xa9 Stadt"}, {120, "Besucher auf dem Marktplatz"},
	})
	i, err := readBytes(t, "a.jpg", jpegFile(t, 32, 32, iptc))
	if err != nil {
		t.Fatal(err)
	}
	if i.Title != "Sommerfest" || i.Creator != "Jörg Schmidt" || i.Credit != "Stadt / Presse" || i.Rights != "© Stadt" ||
		i.Description != "Besucher auf dem Marktplatz" || !slices.Equal(i.Tags, []string{"Fest", "Bürger"}) {
		t.Errorf("%+v", i)
	}
	// XMP wins where both say something; IPTC fills the rest.
	i, err = readBytes(t, "b.jpg", jpegFile(t, 32, 32, iptc, app1XMP(testXMP)))
	if err != nil {
		t.Fatal(err)
	}
	if i.Title != "Rathaus im Frühling" || i.Credit != "Stadt Musterstadt / Pressestelle" || len(i.Tags) != 2 || i.Tags[0] != "Rathaus" {
		t.Errorf("%+v", i)
	}
}
