package com.redress.award;

import com.redress.shared.Money;

/** One award a nominee is to receive; honours have no cash (0). */
public record AwardItem(String handler, String award, String title, Money cash, String status) {
}
