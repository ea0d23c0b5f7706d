/*
 * Snowball Spanish stemmer for the browser.
 *
 * Hand port to JavaScript of `snowballstemmer` 3.1.1 for Python
 * (spanish_stemmer.py and basestemmer.py, "Generated from spanish.sbl by
 * Snowball 3.1.1 - https://snowballstem.org/"), kept line for line so that
 * it returns exactly what the Python package returns; kbgen's browser tests
 * compare both on thousands of words.
 *
 * Snowball and snowballstemmer are BSD-3-Clause:
 *   Copyright (c) 2001, Dr Martin Porter
 *   Copyright (c) 2004,2005, Richard Boulton
 *   Copyright (c) 2013, Yoshiki Shibukawa
 *   Copyright (c) 2006,2007,2009,2010,2011,2014-2019, Olly Betts
 *   All rights reserved.
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *   1. Redistributions of source code must retain the above copyright notice,
 *      this list of conditions and the following disclaimer.
 *   2. Redistributions in binary form must reproduce the above copyright
 *      notice, this list of conditions and the following disclaimer in the
 *      documentation and/or other materials provided with the distribution.
 *   3. Neither the name of the Snowball project nor the names of its
 *      contributors may be used to endorse or promote products derived from
 *      this software without specific prior written permission.
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
 * AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
 * IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE
 * ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT OWNER OR CONTRIBUTORS BE
 * LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR
 * CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF
 * SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS
 * INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN
 * CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE)
 * ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE
 * POSSIBILITY OF SUCH DAMAGE.
 */
(function (root) {
  "use strict";

  function A(s, substring_i, result) {
    return { s: s, substring_i: substring_i, result: result };
  }

  var g_v = new Set(["a", "e", "i", "o", "u", "á", "é", "í", "ó", "ú", "ü"]);

  var a_0 = [A("", -1, 6), A("á", 0, 1), A("é", 0, 2), A("í", 0, 3), A("ó", 0, 4), A("ú", 0, 5)];

  var a_1 = [A("la", -1, -1), A("sela", 0, -1), A("le", -1, -1), A("me", -1, -1),
    A("se", -1, -1), A("lo", -1, -1), A("selo", 5, -1), A("las", -1, -1),
    A("selas", 7, -1), A("les", -1, -1), A("los", -1, -1), A("selos", 10, -1),
    A("nos", -1, -1)];

  var a_2 = [A("ando", -1, 6), A("iendo", -1, 6), A("yendo", -1, 7), A("ándo", -1, 2),
    A("iéndo", -1, 1), A("ar", -1, 6), A("er", -1, 6), A("ir", -1, 6),
    A("ár", -1, 3), A("ér", -1, 4), A("ír", -1, 5)];

  var a_3 = [A("ic", -1, -1), A("ad", -1, -1), A("os", -1, -1), A("iv", -1, 1)];

  var a_4 = [A("able", -1, 1), A("ible", -1, 1), A("ante", -1, 1)];

  var a_5 = [A("ic", -1, 1), A("abil", -1, 1), A("iv", -1, 1)];

  var a_6 = [A("ica", -1, 1), A("ancia", -1, 2), A("encia", -1, 5), A("adora", -1, 2),
    A("osa", -1, 1), A("ista", -1, 1), A("iva", -1, 9), A("anza", -1, 1),
    A("logía", -1, 3), A("idad", -1, 8), A("able", -1, 1), A("ible", -1, 1),
    A("ante", -1, 2), A("mente", -1, 7), A("amente", 13, 6), A("acion", -1, 2),
    A("ucion", -1, 4), A("ación", -1, 2), A("ución", -1, 4), A("ico", -1, 1),
    A("ismo", -1, 1), A("oso", -1, 1), A("amiento", -1, 1), A("imiento", -1, 1),
    A("ivo", -1, 9), A("ador", -1, 2), A("icas", -1, 1), A("ancias", -1, 2),
    A("encias", -1, 5), A("adoras", -1, 2), A("osas", -1, 1), A("istas", -1, 1),
    A("ivas", -1, 9), A("anzas", -1, 1), A("logías", -1, 3), A("idades", -1, 8),
    A("ables", -1, 1), A("ibles", -1, 1), A("aciones", -1, 2), A("uciones", -1, 4),
    A("adores", -1, 2), A("antes", -1, 2), A("icos", -1, 1), A("ismos", -1, 1),
    A("osos", -1, 1), A("amientos", -1, 1), A("imientos", -1, 1), A("ivos", -1, 9)];

  var a_7 = [A("ya", -1, 1), A("ye", -1, 1), A("yan", -1, 1), A("yen", -1, 1),
    A("yeron", -1, 1), A("yendo", -1, 1), A("yo", -1, 1), A("yas", -1, 1),
    A("yes", -1, 1), A("yais", -1, 1), A("yamos", -1, 1), A("yó", -1, 1)];

  var a_8 = [A("aba", -1, 2), A("ada", -1, 2), A("ida", -1, 2), A("ara", -1, 2),
    A("iera", -1, 2), A("ía", -1, 2), A("aría", 5, 2), A("ería", 5, 2),
    A("iría", 5, 2), A("ad", -1, 2), A("ed", -1, 2), A("id", -1, 2),
    A("ase", -1, 2), A("iese", -1, 2), A("aste", -1, 2), A("iste", -1, 2),
    A("an", -1, 2), A("aban", 16, 2), A("aran", 16, 2), A("ieran", 16, 2),
    A("ían", 16, 2), A("arían", 20, 2), A("erían", 20, 2), A("irían", 20, 2),
    A("en", -1, 1), A("asen", 24, 2), A("iesen", 24, 2), A("aron", -1, 2),
    A("ieron", -1, 2), A("arán", -1, 2), A("erán", -1, 2), A("irán", -1, 2),
    A("ado", -1, 2), A("ido", -1, 2), A("ando", -1, 2), A("iendo", -1, 2),
    A("ar", -1, 2), A("er", -1, 2), A("ir", -1, 2), A("as", -1, 2),
    A("abas", 39, 2), A("adas", 39, 2), A("idas", 39, 2), A("aras", 39, 2),
    A("ieras", 39, 2), A("ías", 39, 2), A("arías", 45, 2), A("erías", 45, 2),
    A("irías", 45, 2), A("es", -1, 1), A("ases", 49, 2), A("ieses", 49, 2),
    A("abais", -1, 2), A("arais", -1, 2), A("ierais", -1, 2), A("íais", -1, 2),
    A("aríais", 55, 2), A("eríais", 55, 2), A("iríais", 55, 2), A("aseis", -1, 2),
    A("ieseis", -1, 2), A("asteis", -1, 2), A("isteis", -1, 2), A("áis", -1, 2),
    A("éis", -1, 1), A("aréis", 64, 2), A("eréis", 64, 2), A("iréis", 64, 2),
    A("ados", -1, 2), A("idos", -1, 2), A("amos", -1, 2), A("ábamos", 70, 2),
    A("áramos", 70, 2), A("iéramos", 70, 2), A("íamos", 70, 2), A("aríamos", 74, 2),
    A("eríamos", 74, 2), A("iríamos", 74, 2), A("emos", -1, 1), A("aremos", 78, 2),
    A("eremos", 78, 2), A("iremos", 78, 2), A("ásemos", 78, 2), A("iésemos", 78, 2),
    A("imos", -1, 2), A("arás", -1, 2), A("erás", -1, 2), A("irás", -1, 2),
    A("ís", -1, 2), A("ará", -1, 2), A("erá", -1, 2), A("irá", -1, 2),
    A("aré", -1, 2), A("eré", -1, 2), A("iré", -1, 2), A("ió", -1, 2)];

  var a_9 = [A("a", -1, 1), A("e", -1, 2), A("o", -1, 1), A("os", -1, 1),
    A("á", -1, 1), A("é", -1, 2), A("í", -1, 1), A("ó", -1, 1)];

  function SpanishStemmer() {
    this.current = "";
    this.cursor = 0;
    this.limit = 0;
    this.limit_backward = 0;
    this.bra = 0;
    this.ket = 0;
    this.I_p2 = 0;
    this.I_p1 = 0;
    this.I_pV = 0;
  }

  var P = SpanishStemmer.prototype;

  /* ---- basestemmer.py ---- */

  P.set_current = function (value) {
    this.current = value;
    this.cursor = 0;
    this.limit = value.length;
    this.limit_backward = 0;
    this.bra = this.cursor;
    this.ket = this.limit;
  };

  P.in_grouping = function (s) {
    if (this.cursor >= this.limit) return false;
    if (!s.has(this.current[this.cursor])) return false;
    this.cursor += 1;
    return true;
  };

  P.go_in_grouping = function (s) {
    while (this.cursor < this.limit) {
      if (!s.has(this.current[this.cursor])) return true;
      this.cursor += 1;
    }
    return false;
  };

  P.out_grouping = function (s) {
    if (this.cursor >= this.limit) return false;
    if (!s.has(this.current[this.cursor])) {
      this.cursor += 1;
      return true;
    }
    return false;
  };

  P.go_out_grouping = function (s) {
    while (this.cursor < this.limit) {
      if (s.has(this.current[this.cursor])) return true;
      this.cursor += 1;
    }
    return false;
  };

  P.eq_s_b = function (s) {
    var start = this.cursor - s.length;
    if (start < this.limit_backward) return false;
    if (this.current.slice(start, this.cursor) !== s) return false;
    this.cursor -= s.length;
    return true;
  };

  P.find_among = function (v) {
    var i = 0, j = v.length;
    var c = this.cursor, l = this.limit;
    var common_i = 0, common_j = 0;
    var first_key_inspected = false;
    for (;;) {
      var k = i + ((j - i) >> 1);
      var diff = 0;
      var common = Math.min(common_i, common_j);
      var w = v[k];
      for (var i2 = common; i2 < w.s.length; i2++) {
        if (c + common === l) { diff = -1; break; }
        diff = this.current.charCodeAt(c + common) - w.s.charCodeAt(i2);
        if (diff !== 0) break;
        common += 1;
      }
      if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
      if (j - i <= 1) {
        if (i > 0) break;
        if (j === i) break;
        if (first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    for (;;) {
      var w2 = v[i];
      if (common_i >= w2.s.length) {
        this.cursor = c + w2.s.length;
        return w2.result;
      }
      i = w2.substring_i;
      if (i < 0) return 0;
    }
  };

  P.find_among_b = function (v) {
    var i = 0, j = v.length;
    var c = this.cursor, lb = this.limit_backward;
    var common_i = 0, common_j = 0;
    var first_key_inspected = false;
    for (;;) {
      var k = i + ((j - i) >> 1);
      var diff = 0;
      var common = Math.min(common_i, common_j);
      var w = v[k];
      for (var i2 = w.s.length - 1 - common; i2 >= 0; i2--) {
        if (c - common === lb) { diff = -1; break; }
        diff = this.current.charCodeAt(c - 1 - common) - w.s.charCodeAt(i2);
        if (diff !== 0) break;
        common += 1;
      }
      if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
      if (j - i <= 1) {
        if (i > 0) break;
        if (j === i) break;
        if (first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    for (;;) {
      var w2 = v[i];
      if (common_i >= w2.s.length) {
        this.cursor = c - w2.s.length;
        return w2.result;
      }
      i = w2.substring_i;
      if (i < 0) return 0;
    }
  };

  P.replace_s = function (c_bra, c_ket, s) {
    var adjustment = s.length - (c_ket - c_bra);
    this.current = this.current.slice(0, c_bra) + s + this.current.slice(c_ket);
    this.limit += adjustment;
    if (this.cursor >= c_ket) this.cursor += adjustment;
    else if (this.cursor > c_bra) this.cursor = c_bra;
    return adjustment;
  };

  P.slice_from = function (s) {
    this.replace_s(this.bra, this.ket, s);
    this.ket = this.bra + s.length;
  };

  P.slice_del = function () { this.slice_from(""); };

  /* ---- spanish_stemmer.py ---- */

  P.r_mark_regions = function () {
    this.I_pV = this.limit;
    this.I_p1 = this.limit;
    this.I_p2 = this.limit;
    var v_1 = this.cursor;
    lab0: {
      alt: {
        var v_2 = this.cursor;
        lab1: {
          if (!this.in_grouping(g_v)) break lab1;
          inner: {
            var v_3 = this.cursor;
            lab2: {
              if (!this.out_grouping(g_v)) break lab2;
              if (!this.go_out_grouping(g_v)) break lab2;
              this.cursor += 1;
              break inner;
            }
            this.cursor = v_3;
            if (!this.in_grouping(g_v)) break lab1;
            if (!this.go_in_grouping(g_v)) break lab1;
            this.cursor += 1;
          }
          break alt;
        }
        this.cursor = v_2;
        if (!this.out_grouping(g_v)) break lab0;
        inner2: {
          var v_4 = this.cursor;
          lab1b: {
            if (!this.out_grouping(g_v)) break lab1b;
            if (!this.go_out_grouping(g_v)) break lab1b;
            this.cursor += 1;
            break inner2;
          }
          this.cursor = v_4;
          if (!this.in_grouping(g_v)) break lab0;
          if (this.cursor >= this.limit) break lab0;
          this.cursor += 1;
        }
      }
      this.I_pV = this.cursor;
    }
    this.cursor = v_1;
    var v_5 = this.cursor;
    lab0b: {
      if (!this.go_out_grouping(g_v)) break lab0b;
      this.cursor += 1;
      if (!this.go_in_grouping(g_v)) break lab0b;
      this.cursor += 1;
      this.I_p1 = this.cursor;
      if (!this.go_out_grouping(g_v)) break lab0b;
      this.cursor += 1;
      if (!this.go_in_grouping(g_v)) break lab0b;
      this.cursor += 1;
      this.I_p2 = this.cursor;
    }
    this.cursor = v_5;
    return true;
  };

  P.r_postlude = function () {
    for (;;) {
      var v_1 = this.cursor;
      lab0: {
        this.bra = this.cursor;
        var among_var = this.find_among(a_0);
        this.ket = this.cursor;
        if (among_var === 1) this.slice_from("a");
        else if (among_var === 2) this.slice_from("e");
        else if (among_var === 3) this.slice_from("i");
        else if (among_var === 4) this.slice_from("o");
        else if (among_var === 5) this.slice_from("u");
        else {
          if (this.cursor >= this.limit) break lab0;
          this.cursor += 1;
        }
        continue;
      }
      this.cursor = v_1;
      break;
    }
    return true;
  };

  P.r_RV = function () { return this.I_pV <= this.cursor; };
  P.r_R2 = function () { return this.I_p2 <= this.cursor; };

  P.r_attached_pronoun = function () {
    this.ket = this.cursor;
    if (this.find_among_b(a_1) === 0) return false;
    this.bra = this.cursor;
    var among_var = this.find_among_b(a_2);
    if (among_var === 0) return false;
    if (!this.r_RV()) return false;
    if (among_var === 1) { this.bra = this.cursor; this.slice_from("iendo"); }
    else if (among_var === 2) { this.bra = this.cursor; this.slice_from("ando"); }
    else if (among_var === 3) { this.bra = this.cursor; this.slice_from("ar"); }
    else if (among_var === 4) { this.bra = this.cursor; this.slice_from("er"); }
    else if (among_var === 5) { this.bra = this.cursor; this.slice_from("ir"); }
    else if (among_var === 6) { this.slice_del(); }
    else {
      if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "u") return false;
      this.cursor -= 1;
      this.slice_del();
    }
    return true;
  };

  P.r_standard_suffix = function () {
    this.ket = this.cursor;
    var among_var = this.find_among_b(a_6);
    if (among_var === 0) return false;
    this.bra = this.cursor;
    var v;
    if (among_var === 1) {
      if (!this.r_R2()) return false;
      this.slice_del();
    } else if (among_var === 2) {
      if (!this.r_R2()) return false;
      this.slice_del();
      v = this.limit - this.cursor;
      lab0: {
        this.ket = this.cursor;
        if (!this.eq_s_b("ic")) { this.cursor = this.limit - v; break lab0; }
        this.bra = this.cursor;
        if (!this.r_R2()) { this.cursor = this.limit - v; break lab0; }
        this.slice_del();
      }
    } else if (among_var === 3) {
      if (!this.r_R2()) return false;
      this.slice_from("log");
    } else if (among_var === 4) {
      if (!this.r_R2()) return false;
      this.slice_from("u");
    } else if (among_var === 5) {
      if (!this.r_R2()) return false;
      this.slice_from("ente");
    } else if (among_var === 6) {
      if (this.I_p1 > this.cursor) return false;
      this.slice_del();
      v = this.limit - this.cursor;
      lab0: {
        this.ket = this.cursor;
        among_var = this.find_among_b(a_3);
        if (among_var === 0) { this.cursor = this.limit - v; break lab0; }
        this.bra = this.cursor;
        if (!this.r_R2()) { this.cursor = this.limit - v; break lab0; }
        this.slice_del();
        if (among_var === 1) {
          this.ket = this.cursor;
          if (!this.eq_s_b("at")) { this.cursor = this.limit - v; break lab0; }
          this.bra = this.cursor;
          if (!this.r_R2()) { this.cursor = this.limit - v; break lab0; }
          this.slice_del();
        }
      }
    } else if (among_var === 7) {
      if (!this.r_R2()) return false;
      this.slice_del();
      v = this.limit - this.cursor;
      lab0: {
        this.ket = this.cursor;
        if (this.find_among_b(a_4) === 0) { this.cursor = this.limit - v; break lab0; }
        this.bra = this.cursor;
        if (!this.r_R2()) { this.cursor = this.limit - v; break lab0; }
        this.slice_del();
      }
    } else if (among_var === 8) {
      if (!this.r_R2()) return false;
      this.slice_del();
      v = this.limit - this.cursor;
      lab0: {
        this.ket = this.cursor;
        if (this.find_among_b(a_5) === 0) { this.cursor = this.limit - v; break lab0; }
        this.bra = this.cursor;
        if (!this.r_R2()) { this.cursor = this.limit - v; break lab0; }
        this.slice_del();
      }
    } else {
      if (!this.r_R2()) return false;
      this.slice_del();
      v = this.limit - this.cursor;
      lab0: {
        this.ket = this.cursor;
        if (!this.eq_s_b("at")) { this.cursor = this.limit - v; break lab0; }
        this.bra = this.cursor;
        if (!this.r_R2()) { this.cursor = this.limit - v; break lab0; }
        this.slice_del();
      }
    }
    return true;
  };

  P.r_y_verb_suffix = function () {
    if (this.cursor < this.I_pV) return false;
    var v_2 = this.limit_backward;
    this.limit_backward = this.I_pV;
    this.ket = this.cursor;
    if (this.find_among_b(a_7) === 0) {
      this.limit_backward = v_2;
      return false;
    }
    this.bra = this.cursor;
    this.limit_backward = v_2;
    if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "u") return false;
    this.cursor -= 1;
    this.slice_del();
    return true;
  };

  P.r_verb_suffix = function () {
    if (this.cursor < this.I_pV) return false;
    var v_2 = this.limit_backward;
    this.limit_backward = this.I_pV;
    this.ket = this.cursor;
    var among_var = this.find_among_b(a_8);
    if (among_var === 0) {
      this.limit_backward = v_2;
      return false;
    }
    this.bra = this.cursor;
    this.limit_backward = v_2;
    if (among_var === 1) {
      var v_3 = this.limit - this.cursor;
      lab0: {
        if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "u") {
          this.cursor = this.limit - v_3; break lab0;
        }
        this.cursor -= 1;
        var v_4 = this.limit - this.cursor;
        if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "g") {
          this.cursor = this.limit - v_3; break lab0;
        }
        this.cursor -= 1;
        this.cursor = this.limit - v_4;
      }
      this.bra = this.cursor;
      this.slice_del();
    } else {
      this.slice_del();
    }
    return true;
  };

  P.r_residual_suffix = function () {
    this.ket = this.cursor;
    var among_var = this.find_among_b(a_9);
    if (among_var === 0) return false;
    this.bra = this.cursor;
    if (among_var === 1) {
      if (!this.r_RV()) return false;
      this.slice_del();
    } else {
      if (!this.r_RV()) return false;
      this.slice_del();
      var v_1 = this.limit - this.cursor;
      lab0: {
        this.ket = this.cursor;
        if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "u") {
          this.cursor = this.limit - v_1; break lab0;
        }
        this.cursor -= 1;
        this.bra = this.cursor;
        var v_2 = this.limit - this.cursor;
        if (this.cursor <= this.limit_backward || this.current[this.cursor - 1] !== "g") {
          this.cursor = this.limit - v_1; break lab0;
        }
        this.cursor -= 1;
        this.cursor = this.limit - v_2;
        if (!this.r_RV()) { this.cursor = this.limit - v_1; break lab0; }
        this.slice_del();
      }
    }
    return true;
  };

  P._stem = function () {
    this.r_mark_regions();
    this.limit_backward = this.cursor;
    this.cursor = this.limit;
    var v_1 = this.limit - this.cursor;
    this.r_attached_pronoun();
    this.cursor = this.limit - v_1;
    var v_2 = this.limit - this.cursor;
    lab0: {
      var v_3 = this.limit - this.cursor;
      if (this.r_standard_suffix()) break lab0;
      this.cursor = this.limit - v_3;
      if (this.r_y_verb_suffix()) break lab0;
      this.cursor = this.limit - v_3;
      if (!this.r_verb_suffix()) break lab0;
    }
    this.cursor = this.limit - v_2;
    var v_4 = this.limit - this.cursor;
    this.r_residual_suffix();
    this.cursor = this.limit - v_4;
    this.cursor = this.limit_backward;
    var v_5 = this.cursor;
    this.r_postlude();
    this.cursor = v_5;
    return true;
  };

  P.stemWord = function (word) {
    this.set_current(word);
    this._stem();
    return this.current.slice(0, this.limit);
  };

  root.SnowballSpanishStemmer = SpanishStemmer;
})(typeof globalThis !== "undefined" ? globalThis : self);
