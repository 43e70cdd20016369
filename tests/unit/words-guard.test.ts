// The guard that the words and languages browser specs read every page's text with: on a page in a
// Latin-script language (Vietnamese), its own sentences pass and English ones are still caught.
import { describe, expect, it } from 'vitest';
import { wordProblems } from '../helpers/words-guard';

describe('the words guard on a Latin-script language', () => {
  it('passes Vietnamese sentences, even with three unaccented words in a row', () => {
    for (const text of [
      'Chọn mức độ sẵn sàng từ 1 (nghiên cứu cơ bản) đến 9 (đã chứng minh qua sử dụng thực tế).',
      'Đại biểu trực tuyến tham gia từng phiên từ trang tham gia cá nhân bên dưới.',
      'Nhập mã vé',
    ])
      expect(wordProblems(text, 'vi'), text).toEqual([]);
  });

  it('catches English, and other scripts, on a Vietnamese page as on a Thai one', () => {
    for (const text of ['Fill in this field.', 'Choose one of the options.', 'Nhập mã: please enter the code from your ticket'])
      expect(wordProblems(text, 'vi').join(), text).toContain('English text on a vi page');
    expect(wordProblems('Fill in this field.', 'th').join()).toContain('English text on a th page');
    expect(wordProblems('名前を入力', 'vi').join()).toContain('Chinese or Japanese text on a vi page');
    expect(wordProblems('กรอกข้อมูล', 'vi').join()).toContain('Thai text on a vi page');
  });
});
